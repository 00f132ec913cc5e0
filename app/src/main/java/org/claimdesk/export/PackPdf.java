package org.claimdesk.export;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;

/**
 * Lays a pack's page ({@link PackPage}) out as a printable PDF with openhtmltopdf on PDFBox.
 * ICU's bidi splitter and reorderer put Arabic right to left with its digits and Latin names in
 * place (openhtmltopdf's own handling gets mixed lines wrong); the fonts {@link PdfFonts} finds
 * for the page's scripts are embedded as subsets. Nothing is loaded from outside: the only
 * resource the page may name is its logo as a data: URI.
 */
public final class PackPdf {
    private final PdfFonts fonts;

    public PackPdf(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * Writes the PDF of an XHTML page to {@code out}.
     *
     * @throws MissingFontException when a script of the page has no font here (before anything is written)
     * @throws IOException          when the page is not well-formed XHTML, or writing fails
     */
    public void write(String xhtml, OutputStream out) throws IOException {
        Document document = parse(xhtml);
        String text = document.getDocumentElement().getTextContent();
        var faces = fonts.facesFor(text);
        XRLog.setLoggingEnabled(false); // it logs every missing CSS feature at INFO through JUL
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .withW3cDocument(document, null)
                .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
                .useUnicodeBidiReorderer(new ICUBidiReorderer())
                .defaultTextDirection(BaseRendererBuilder.TextDirection.LTR)
                // the page's own logo (a data: URI) only: no file, no network
                .useExternalResourceAccessControl(PackPdf::inline, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl(PackPdf::inline, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withProducer("ClaimDesk")
                .toStream(out);
        for (PdfFonts.Face face : faces) {
            builder.useFont(face.file().toFile(), face.family(), face.weight(), BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        try {
            builder.run();
        } catch (IOException e) {
            throw new IOException("could not write the pack's PDF: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException("could not lay out the pack's PDF: " + e.getMessage(), e);
        }
    }

    private static boolean inline(String uri, ExternalResourceType type) {
        return uri != null && uri.startsWith("data:");
    }

    /** Parsed here, with no DTD or external entity allowed, so the renderer never fetches one. */
    private static Document parse(String xhtml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("the pack's page is not well-formed XHTML: " + e.getMessage(), e);
        }
    }
}
