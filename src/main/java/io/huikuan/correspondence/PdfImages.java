package io.huikuan.correspondence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The images of {@link XhtmlPdfWriter}'s documents (the logo, the seal: {@code data:} URIs of PNG or JPEG): decoded
 * and compressed once per image, then copied as ready-made image XObjects (with the PNG's transparency as a soft
 * mask) into each PDF.
 */
final class PdfImages {

    private PdfImages() {
    }

    /** An encoded image XObject: its dictionary entries, its compressed data and its soft mask, if any. */
    record Encoded(COSDictionary entries, byte[] data, Encoded mask, int width, int height) {
    }

    private static final Map<String, Encoded> CACHE = new ConcurrentHashMap<>();

    /** The image of a {@code data:image/...;base64,...} URI, or null when it is not one or cannot be read. */
    static Encoded of(String uri) {
        if (uri == null || !uri.startsWith("data:") || uri.indexOf(";base64,") < 0) {
            return null;
        }
        Encoded e = CACHE.get(uri);
        if (e == null) {
            e = encode(Base64.getDecoder().decode(uri.substring(uri.indexOf(";base64,") + 8)), uri.startsWith("data:image/jpeg"));
            if (e == null) {
                return null;
            }
            if (CACHE.size() > 8) {
                CACHE.clear();
            }
            CACHE.put(uri, e);
        }
        return e;
    }

    private static Encoded encode(byte[] bytes, boolean jpeg) {
        try (PDDocument scratch = new PDDocument()) {
            PDImageXObject x;
            if (jpeg) {
                x = JPEGFactory.createFromByteArray(scratch, bytes);
            } else {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
                if (image == null) {
                    return null;
                }
                x = LosslessFactory.createFromImage(scratch, image);
            }
            return copy(x.getCOSObject());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Encoded copy(COSStream stream) throws IOException {
        COSDictionary entries = new COSDictionary();
        Encoded mask = null;
        for (Map.Entry<COSName, COSBase> entry : stream.entrySet()) {
            COSName key = entry.getKey();
            if (key.equals(COSName.LENGTH)) {
                continue;
            }
            if (key.equals(COSName.SMASK)) {
                mask = copy((COSStream) stream.getDictionaryObject(COSName.SMASK));
                continue;
            }
            COSBase value = stream.getDictionaryObject(key);
            if (!(value instanceof COSStream)) {
                entries.setItem(key, value);
            }
        }
        byte[] data;
        try (InputStream in = stream.createRawInputStream()) {
            data = in.readAllBytes();
        }
        return new Encoded(entries, data, mask, stream.getInt(COSName.WIDTH), stream.getInt(COSName.HEIGHT));
    }

    /** The image as an XObject of {@code document}. */
    static COSStream xobject(PDDocument document, Encoded e) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        stream.addAll(e.entries());
        if (e.mask() != null) {
            stream.setItem(COSName.SMASK, xobject(document, e.mask()));
        }
        try (OutputStream o = stream.createRawOutputStream()) {
            o.write(e.data());
        }
        return stream;
    }
}
