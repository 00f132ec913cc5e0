package org.claimdesk.extract;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feed and OPML parsing rely on the JDK's XML parsers and their JAXP limits (no external DTDs,
 * entity-expansion caps). A library that ships its own JAXP implementation on the class path
 * (Xerces came in once through CoreNLP's XOM) would replace them for the whole app.
 */
class JdkXmlParsersTest {
    @Test
    void theJdksOwnXmlParsersAreInUse() {
        assertThat(DocumentBuilderFactory.newInstance().getClass().getName()).startsWith("com.sun.org.apache.xerces.internal.");
        assertThat(SAXParserFactory.newInstance().getClass().getName()).startsWith("com.sun.org.apache.xerces.internal.");
        assertThat(XMLInputFactory.newInstance().getClass().getName()).startsWith("com.sun.xml.internal.stream.");
    }
}
