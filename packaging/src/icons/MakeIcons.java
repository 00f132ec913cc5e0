/*
 * ClaimDesk: a desktop workbench for rumour and disinformation monitoring.
 * Copyright (C) 2026 the ClaimDesk authors. GPL-3.0-or-later; see LICENSE.
 */

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws ClaimDesk's application icon (a speech bubble with a check mark) and writes it in the three
 * forms jpackage wants: claimdesk.png (Linux), claimdesk.ico (Windows) and claimdesk.icns (macOS).
 * The files are committed; run this again only to change the drawing:
 * {@code java packaging/src/icons/MakeIcons.java packaging/src/icons}.
 * Both .ico and .icns may hold PNG images as they are, so no other tool is needed.
 */
public final class MakeIcons {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        byte[] png256 = png(draw(256));
        byte[] png512 = png(draw(512));
        Files.write(dir.resolve("claimdesk.png"), png256);
        Files.write(dir.resolve("claimdesk.ico"), ico(png256));
        Files.write(dir.resolve("claimdesk.icns"), icns(png256, png512));
    }

    private static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size / 256.0;
        g.scale(s, s);
        g.setColor(new Color(0x1F3A5F));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        // the bubble, its tail at the lower left
        Path2D bubble = new Path2D.Double();
        bubble.append(new RoundRectangle2D.Double(40, 48, 176, 128, 40, 40), false);
        bubble.moveTo(72, 170);
        bubble.lineTo(60, 212);
        bubble.lineTo(112, 172);
        bubble.closePath();
        g.setColor(new Color(0xF4F1EA));
        g.fill(bubble);
        Path2D check = new Path2D.Double();
        check.moveTo(82, 112);
        check.lineTo(116, 144);
        check.lineTo(176, 82);
        g.setColor(new Color(0xD9534F));
        g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(check);
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** One 256×256 PNG entry: width and height 0 mean 256. Little-endian throughout. */
    private static byte[] ico(byte[] png) {
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        b.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        b.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(6 + 16);
        b.put(png);
        return b.array();
    }

    /** 'ic08' (256×256) and 'ic09' (512×512) PNG entries; big-endian lengths that count their 8-byte headers. */
    private static byte[] icns(byte[] png256, byte[] png512) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeBytes("icns");
        out.writeInt(8 + 8 + png256.length + 8 + png512.length);
        out.writeBytes("ic08");
        out.writeInt(8 + png256.length);
        out.write(png256);
        out.writeBytes("ic09");
        out.writeInt(8 + png512.length);
        out.write(png512);
        return bytes.toByteArray();
    }
}
