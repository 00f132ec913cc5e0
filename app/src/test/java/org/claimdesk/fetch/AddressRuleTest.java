package org.claimdesk.fetch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses and sites a request may reach; pure checks, nothing is contacted. */
class AddressRuleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1          | a loopback address (this computer)
            127.255.0.9        | a loopback address (this computer)
            0.0.0.0            | an unspecified address (this computer)
            10.1.2.3           | a private address
            172.16.0.1         | a private address
            172.31.255.255     | a private address
            192.168.1.1        | a private address
            100.64.0.1         | a shared address (a carrier's private network)
            169.254.169.254    | a link-local address (where cloud metadata services answer)
            224.0.0.251        | a multicast address
            255.255.255.255    | a reserved or broadcast address
            ::1                | a loopback address (this computer)
            ::                 | the unspecified address
            fe80::1            | a link-local address
            fc00::1            | a unique-local address (a private network)
            fd12:3456::1       | a unique-local address (a private network)
            ff02::1            | a multicast address
            ::ffff:7f00:1      | a loopback address (this computer)
            64:ff9b::a9fe:a9fe | a link-local address (where cloud metadata services answer) (inside an IPv6 address)
            2002:c0a8:101::1   | a private address (inside an IPv6 address)
            """)
    void forbiddenAddresses(String address, String reason) {
        assertThat(AddressRule.forbidden(InetAddress.ofLiteral(address))).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "172.32.0.1", "100.128.0.1", "192.169.0.1", "8.8.8.8",
            "2001:4860:4860::8888", "2a00:1450:4001::1"})
    void publicAddresses(String address) {
        assertThat(AddressRule.forbidden(InetAddress.ofLiteral(address))).isNull();
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1,127.0.0.1", "[::1],0:0:0:0:0:0:0:1", "2130706433,127.0.0.1", "0x7f.1,127.0.0.1",
            "localhost,127.0.0.1", "api.localhost,127.0.0.1", "LOCALHOST.,127.0.0.1"})
    void hostsThatAreAddressesWithoutAskingDns(String host, String address) {
        assertThat(AddressRule.literal(host)).isEqualTo(InetAddress.ofLiteral(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "feeds.bbci.co.uk", "0day.example", "cafe"})
    void namesAreLeftToTheResolver(String host) {
        assertThat(AddressRule.literal(host)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"feeds.bbci.co.uk,bbci.co.uk", "www.bbc.co.uk,bbc.co.uk", "feeds.npr.org,npr.org", "WWW.NPR.ORG.,npr.org",
            "www3.nhk.or.jp,nhk.or.jp", "a.github.io,a.github.io", "127.0.0.1,127.0.0.1", "localhost,localhost",
            "origin.claimdesk.test,origin.claimdesk.test"})
    void sitesAreRegistrableDomains(String host, String site) {
        assertThat(Sites.of(host)).isEqualTo(site);
    }

    @org.junit.jupiter.api.Test
    void sameSiteIsTheRegistrableDomainOfTheFeedPlusTheListedSites() {
        FetchScope bbc = new FetchScope("feeds.bbci.co.uk", Set.of(Sites.of("feeds.bbci.co.uk"), Sites.of("bbc.com")));

        assertThat(bbc.siteRefusal(URI.create("https://www.bbci.co.uk/a"))).isNull();
        assertThat(bbc.siteRefusal(URI.create("https://www.bbc.com/news/1"))).isNull();
        assertThat(bbc.siteRefusal(URI.create("https://tracker.example/p?x=1")))
                .isEqualTo("tracker.example is not the source's own site (bbci.co.uk) nor one of bbc.com;"
                        + " article_hosts in feeds.yml can allow it");
        assertThat(new FetchScope("feeds.npr.org", null).siteRefusal(URI.create("https://tracker.example/"))).isNull();
    }
}
