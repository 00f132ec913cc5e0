package org.claimdesk.claims;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The cue words of each language, written by hand (no trained lexicon): reporting verbs,
 * comparisons, first person, opinion, calls to action, boilerplate... Phrases are matched as
 * whole words on the sentence's normalised words ({@link SentenceWords}); a phrase ending in
 * {@code *} matches any word that starts with it. Japanese is matched as substrings.
 * Languages without a list of their own get none of these cues, only the ones every language
 * shares (digits, %, currency signs, quotes, question marks, entities, length).
 */
final class CueLexicon {
    /** Cues that count only when the sentence starts with them (question words, imperatives). */
    static final List<Cue> AT_START = List.of(Cue.QUESTION, Cue.IMPERATIVE);

    private static final Map<String, Map<Cue, List<String>>> BY_LANGUAGE = Map.of(
            "en", cues(
                    Cue.REPORTING, "said, says, say, told, tells, according to, reported, reports, stated, announced, claimed, claims, confirmed, declared, admitted, revealed, testified, wrote, warned, insisted, added, noted, estimated",
                    Cue.COMPARATIVE, "more than, less than, fewer than, most, least, largest, biggest, highest, lowest, best, worst, first time, record, only, twice, double, half, majority, compared",
                    Cue.CHANGE, "increase*, decrease*, rose, risen, rise, fell, fallen, drop*, doubled, tripled, cut, cuts, grew, grown, raised, lost, gained, created, killed, died, voted, passed, spent, spend*, cost*, tax*",
                    Cue.FIRST_PERSON, "i, me, my, mine, myself, i'm, i've, i'll, i'd",
                    Cue.WE, "we, us, our, ours, we're, we've, we'll",
                    Cue.YOU, "you, your, yours, you're, you've",
                    Cue.OPINION, "think, believe, feel, hope, wish, want, love, hate, great, terrible, wonderful, horrible, disaster, beautiful, amazing, sad, shame, frankly, honestly, should, must, ought, maybe, perhaps, probably, opinion, agree, disagree, incredible, tremendous, deserve",
                    Cue.FUTURE, "will, going to, gonna, plan, plans, promise*, would, could",
                    Cue.QUESTION, "what, why, how, who, whom, whose, when, where, which, do, does, did, is, are, can, could, would, should, will, have, has",
                    Cue.IMPERATIVE, "let's, let us, please, join, vote, share, sign, click, subscribe, follow, watch, read, call, tell, stop, look, imagine, remember, don't, go",
                    Cue.COURTESY, "thank, thanks, thank you, good evening, good morning, welcome, congratulations, applause, laughter, crosstalk, ladies and gentlemen, okay, ok, yes, no, well",
                    Cue.BOILERPLATE, "cookie*, newsletter, subscribe, all rights reserved, click here, read more, sign up, log in, privacy policy, terms of use, advertisement, share this, follow us, copyright",
                    Cue.NUMBER, "million*, billion*, trillion*, thousand*, hundred*, dozen*, one, two, three, four, five, six, seven, eight, nine, ten",
                    Cue.PERCENT, "percent, per cent, percentage",
                    Cue.MONEY, "dollar*, euro*, pound*, budget, deficit, debt, tax, taxes, wage*, salary, price*, paid, pay",
                    Cue.DATE, "january, february, march, april, may, june, july, august, september, october, november, december, yesterday, today, last year, last week, last month, this year, ago, since, years, decade*"),
            "ar", cues(
                    Cue.REPORTING, "قال, قالت, يقول, تقول, اكد, اكدت, يؤكد, وفق, وفقا, حسب, بحسب, اعلن, اعلنت, صرح, تصريح, افاد, افادت, ذكر, ذكرت, اوضح, اوضحت, كشف, كشفت, نقلا عن, اشار, اشارت, زعم, نفى, نفت, اضاف, اضافت, مصدر, مصادر, اعترف, وكاله, بيان",
                    Cue.COMPARATIVE, "اكثر, اقل, اكبر, اصغر, اعلى, ادنى, اول, الاول, اسوا, افضل, اغلب, معظم, مقارنه, ضعف, نصف, قياسي, فقط",
                    Cue.CHANGE, "ارتفاع, ارتفع, انخفاض, انخفض, زياده, زاد, تراجع, ارتفعت, انخفضت, مقتل, قتل, قتلى, اصابه, اصابات, وفاه, وفيات, حالات, حاله, اعتقال, اعتقل, ضحايا, جرحى",
                    Cue.FIRST_PERSON, "انا, لي, عندي, اعتقد, اظن, ارى",
                    Cue.WE, "نحن, لنا, علينا, بلادنا",
                    Cue.YOU, "انت, انتم, لكم, عليكم, انتي",
                    Cue.OPINION, "اعتقد, اظن, ارى, يجب, ينبغي, ربما, رائع, جميل, عار, للاسف, الله, اللهم, ان شاء الله, ما شاء الله, الحمد لله, يا, حسبي, والله, ههه*, لعنه, خزي, مبروك",
                    Cue.FUTURE, "سوف, سيتم, ستكون, سيكون, سن*",
                    Cue.QUESTION, "هل, لماذا, كيف, متى, اين, ماذا, كم",
                    Cue.IMPERATIVE, "شارك, ادعم, انشر, تابع, تابعوا, شاهد, شاهدوا, ساهم, ادعو, اللهم, لا تنسوا, رتويت",
                    Cue.COURTESY, "شكرا, مرحبا, تحيه, صباح الخير, مساء الخير, السلام عليكم, رمضان كريم, عيد مبارك",
                    Cue.BOILERPLATE, "اشترك, جميع الحقوق محفوظه, اقرا المزيد, رابط, للمزيد",
                    Cue.NUMBER, "مليون, ملايين, مليار, مليارات, الف, الاف, مئه, مئات, عشرات, واحد, اثنين, ثلاثه, اربعه, خمسه",
                    Cue.PERCENT, "بالمئه, بالمائه, في المئه, في المائه, نسبه",
                    Cue.MONEY, "دولار, دولارات, يورو, ريال, جنيه, درهم, دينار, ليره, ميزانيه, تمويل, اسعار, سعر",
                    Cue.DATE, "يناير, فبراير, مارس, ابريل, مايو, يونيو, يوليو, اغسطس, سبتمبر, اكتوبر, نوفمبر, ديسمبر, كانون, شباط, اذار, نيسان, ايار, حزيران, تموز, اب, ايلول, تشرين, امس, اليوم, العام, عام, سنه, الماضي"),
            "de", cues(
                    Cue.REPORTING, "sagte, sagt, sagten, laut, zufolge, nach angaben, berichtete, berichtet, erklärte, erklärt, teilte, mitgeteilt, betonte, kündigte, bestätigte, behauptete, warnte, räumte",
                    Cue.COMPARATIVE, "mehr als, weniger als, meisten, größte*, höchste*, niedrigste*, erstmals, rekord*, doppelt, hälfte, mehrheit, nur",
                    Cue.CHANGE, "stieg, gestiegen, sank, gesunken, anstieg, rückgang, erhöht, gesenkt, verdoppelt, getötet, gestorben, verletzt",
                    Cue.FIRST_PERSON, "ich, mich, mir, mein, meine, meiner",
                    Cue.WE, "wir, uns, unser, unsere",
                    Cue.YOU, "du, dich, dir, dein, ihr, euch",
                    Cue.OPINION, "glaube, denke, finde, hoffe, meiner meinung, sollte, sollten, muss, müssen, vielleicht, wahrscheinlich, toll, schrecklich, schande",
                    Cue.FUTURE, "wird, werden, soll, plant",
                    Cue.QUESTION, "was, warum, wie, wer, wann, wo, welche, welcher, ist, sind, hat, haben, kann",
                    Cue.IMPERATIVE, "bitte, teilen, abonnieren, folgen, klicken, lesen, stimmt",
                    Cue.COURTESY, "danke, vielen dank, guten abend, guten morgen, willkommen, herzlichen glückwunsch",
                    Cue.BOILERPLATE, "cookies, newsletter, abonnieren, alle rechte vorbehalten, weiterlesen, mehr zum thema, anzeige, datenschutz, impressum",
                    Cue.NUMBER, "million*, milliarde*, tausend*, hundert*",
                    Cue.PERCENT, "prozent",
                    Cue.MONEY, "euro, dollar, haushalt, schulden, steuer*",
                    Cue.DATE, "januar, februar, märz, april, mai, juni, juli, august, september, oktober, november, dezember, gestern, heute, vergangenen jahr, vorjahr"),
            "fr", cues(
                    Cue.REPORTING, "a déclaré, déclare, selon, d'après, affirme, a affirmé, a annoncé, annonce, a indiqué, indique, a dit, dit, rapporte, a confirmé, a précisé, estime, a reconnu, a averti",
                    Cue.COMPARATIVE, "plus de, moins de, plus grand, record, premier, première, deux fois, moitié, majorité, seulement",
                    Cue.CHANGE, "hausse, baisse, augmenté, diminué, augmentation, diminution, doublé, tués, morts, blessés",
                    Cue.FIRST_PERSON, "je, j', moi, mon, ma, mes",
                    Cue.WE, "nous, notre, nos",
                    Cue.YOU, "vous, votre, vos, tu, toi, ton, ta",
                    Cue.OPINION, "pense, crois, trouve, espère, à mon avis, devrait, doit, faut, peut-être, probablement, génial, honte, scandale",
                    Cue.FUTURE, "va, vont, sera, seront, prévoit",
                    Cue.QUESTION, "que, pourquoi, comment, qui, quand, où, quel, quelle, est-ce",
                    Cue.IMPERATIVE, "partagez, abonnez, suivez, cliquez, lisez, votez, signez",
                    Cue.COURTESY, "merci, bonsoir, bonjour, bienvenue, félicitations",
                    Cue.BOILERPLATE, "cookies, newsletter, abonnez-vous, tous droits réservés, lire aussi, lire la suite, publicité",
                    Cue.NUMBER, "million*, milliard*, mille, cent*",
                    Cue.PERCENT, "pour cent, pourcentage",
                    Cue.MONEY, "euro*, dollar*, budget, dette, impôt*",
                    Cue.DATE, "janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre, hier, aujourd'hui, l'an dernier, l'année dernière"),
            "es", cues(
                    Cue.REPORTING, "dijo, dice, afirmó, afirma, según, declaró, anunció, aseguró, asegura, señaló, indicó, informó, explicó, confirmó, reconoció, advirtió, denunció, informa, sostuvo",
                    Cue.COMPARATIVE, "más de, menos de, mayor, menor, récord, primera vez, el doble, mitad, mayoría, solo, sólo",
                    Cue.CHANGE, "aumento, aumentó, subió, bajó, cayó, descenso, incremento, duplicó, muertos, fallecidos, heridos, contagios, casos",
                    Cue.FIRST_PERSON, "yo, me, mi, mis, mío",
                    Cue.WE, "nosotros, nosotras, nuestro, nuestra, nuestros",
                    Cue.YOU, "tú, tu, usted, ustedes, vosotros, te",
                    Cue.OPINION, "creo, pienso, espero, opino, debería, debe, hay que, quizás, tal vez, vergüenza, genial, increíble",
                    Cue.FUTURE, "va a, van a, será, serán, habrá",
                    Cue.QUESTION, "qué, por qué, cómo, quién, cuándo, dónde, cuál, cuánto",
                    Cue.IMPERATIVE, "comparte, compartan, síguenos, suscríbete, haz clic, lee, vota, firma, únete",
                    Cue.COURTESY, "gracias, buenas noches, buenos días, bienvenidos, felicidades, enhorabuena",
                    Cue.BOILERPLATE, "cookies, suscríbete, todos los derechos reservados, leer más, publicidad",
                    Cue.NUMBER, "millón, millones, mil, cientos, miles",
                    Cue.PERCENT, "por ciento, porcentaje",
                    Cue.MONEY, "euro*, dólar*, peso*, presupuesto, deuda, impuesto*",
                    Cue.DATE, "enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre, ayer, hoy, año pasado"),
            "nl", cues(
                    Cue.REPORTING, "zei, zegt, zeggen, volgens, aldus, verklaarde, meldde, meldt, kondigde, bevestigde, stelde, stelt, schreef, waarschuwde, erkende",
                    Cue.COMPARATIVE, "meer dan, minder dan, meeste, grootste, hoogste, laagste, record, eerste keer, dubbel, helft, meerderheid, alleen, slechts",
                    Cue.CHANGE, "gestegen, gedaald, steeg, daalde, stijging, daling, verdubbeld, verhoogd, verlaagd, doden, gewonden, bezuinig*",
                    Cue.FIRST_PERSON, "ik, mij, me, mijn",
                    Cue.WE, "wij, we, ons, onze",
                    Cue.YOU, "jij, je, jou, jouw, u, uw, jullie",
                    Cue.OPINION, "denk, vind, geloof, hoop, moet, moeten, zou, misschien, waarschijnlijk, schande, geweldig, prachtig, belachelijk, helaas, eindelijk, mooi, goed",
                    Cue.FUTURE, "gaat, gaan, zal, zullen, wil, willen",
                    Cue.QUESTION, "wat, waarom, hoe, wie, wanneer, waar, welke, is, zijn, heeft, kan",
                    Cue.IMPERATIVE, "deel, stem, teken, lees, kijk, volg, klik, abonneer",
                    Cue.COURTESY, "dank, bedankt, dankjewel, goedenavond, welkom, gefeliciteerd, proficiat",
                    Cue.BOILERPLATE, "cookies, nieuwsbrief, alle rechten voorbehouden, lees meer, advertentie",
                    Cue.NUMBER, "miljoen, miljard, duizend*, honderd*",
                    Cue.PERCENT, "procent",
                    Cue.MONEY, "euro, dollar, begroting, schuld, belasting*",
                    Cue.DATE, "januari, februari, maart, april, mei, juni, juli, augustus, september, oktober, november, december, gisteren, vandaag, vorig jaar"),
            "ru", cues(
                    Cue.REPORTING, "сказал, сказала, заявил, заявила, заявили, по словам, по данным, сообщил, сообщила, сообщили, сообщает, отметил, отметила, подчеркнул, объявил, признал, согласно, утверждает, предупредил",
                    Cue.COMPARATIVE, "больше, меньше, более, менее, крупнейш*, самый, самая, рекорд*, впервые, вдвое, половин*, большинство, только",
                    Cue.CHANGE, "вырос, выросла, выросло, снизил*, увеличил*, сократил*, рост, падение, погибли, погибших, ранены",
                    Cue.FIRST_PERSON, "я, меня, мне, мой, моя, моё",
                    Cue.WE, "мы, нас, нам, наш, наша",
                    Cue.YOU, "ты, вы, вас, вам, ваш, твой",
                    Cue.OPINION, "думаю, считаю, верю, надеюсь, должен, должны, нужно, надо, может быть, наверное, позор, прекрасно, ужасно",
                    Cue.FUTURE, "будет, будут, планирует, собирается",
                    Cue.QUESTION, "что, почему, как, кто, когда, где, какой, какая, ли",
                    Cue.IMPERATIVE, "подписывайтесь, поделитесь, читайте, смотрите, голосуйте",
                    Cue.COURTESY, "спасибо, добрый вечер, здравствуйте, поздравляем",
                    Cue.BOILERPLATE, "cookie, подписывайтесь, все права защищены, читайте также, реклама",
                    Cue.NUMBER, "миллион*, миллиард*, тысяч*, сотн*",
                    Cue.PERCENT, "процент*",
                    Cue.MONEY, "рубл*, доллар*, евро, бюджет*, налог*",
                    Cue.DATE, "январ*, феврал*, март*, апрел*, мая, май, июн*, июл*, август*, сентябр*, октябр*, ноябр*, декабр*, вчера, сегодня, прошлом году"),
            "ja", cues(
                    Cue.REPORTING, "によると, によれば, と述べ, と語, と話, と発表, と明らかに, と強調, と説明, と主張, 発表した, 報告, 明らかにした, 認めた, 関係者",
                    Cue.COMPARATIVE, "以上, 以下, 最大, 最高, 最低, 最多, 初めて, 過去最, 倍, 半数, 過半数, 比べ, 上回, 下回",
                    Cue.CHANGE, "増加, 減少, 上昇, 下落, 増え, 減っ, 死亡, 負傷, 感染, 逮捕",
                    Cue.FIRST_PERSON, "私, 僕, 俺, わたし",
                    Cue.WE, "私たち, 我々, われわれ",
                    Cue.YOU, "あなた, 皆さん, みなさん",
                    Cue.OPINION, "と思う, と思い, 思います, 気がする, べき, かもしれない, 残念, 素晴らしい, ひどい",
                    Cue.FUTURE, "予定, 方針, つもり, だろう, でしょう",
                    Cue.QUESTION, "なぜ, どうして, 何, いつ, どこ, 誰, どの, ですか, でしょうか",
                    Cue.IMPERATIVE, "ください, しよう, しましょう, 登録, フォロー, シェア",
                    Cue.COURTESY, "ありがとう, こんにちは, こんばんは, おめでとう, よろしく",
                    Cue.BOILERPLATE, "クッキー, 無断転載, 著作権, 続きを読む, 広告, 会員登録",
                    Cue.NUMBER, "万人, 万円, 億, 兆",
                    Cue.PERCENT, "パーセント, 割",
                    Cue.MONEY, "円, ドル, ユーロ, 予算, 税",
                    Cue.DATE, "昨日, 今日, 昨年, 去年, 今年, 先月, 先週, 来年"));

    private CueLexicon() {
    }

    /** The cue phrases of a language, normalised as the sentence's words are; empty for languages without a list. */
    static Map<Cue, List<String>> of(String language) {
        return BY_LANGUAGE.getOrDefault(language, Map.of());
    }

    /** True when the language's words are matched as substrings (no spaces between words). */
    static boolean matchesSubstrings(String language) {
        return "ja".equals(language) || "zh".equals(language);
    }

    private static Map<Cue, List<String>> cues(Object... cueThenPhrases) {
        Map<Cue, List<String>> map = new EnumMap<>(Cue.class);
        for (int i = 0; i < cueThenPhrases.length; i += 2) {
            List<String> phrases = new ArrayList<>();
            for (String phrase : ((String) cueThenPhrases[i + 1]).split(",")) {
                phrases.add(SentenceWords.normaliseWord(phrase.strip()));
            }
            map.put((Cue) cueThenPhrases[i], List.copyOf(phrases));
        }
        return map;
    }
}
