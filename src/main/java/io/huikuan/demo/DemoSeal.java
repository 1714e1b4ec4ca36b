package io.huikuan.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The demo company's seal: a red ring with a star on a transparent background, drawn (no font needed). */
final class DemoSeal {

    private DemoSeal() {
    }

    static byte[] png() {
        int size = 240;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(210, 30, 35, 220));
        g.setStroke(new BasicStroke(10));
        g.drawOval(10, 10, size - 20, size - 20);
        g.setStroke(new BasicStroke(3));
        g.drawOval(26, 26, size - 52, size - 52);
        Polygon star = new Polygon();
        double cx = size / 2.0;
        double cy = size / 2.0;
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 48 : 19;
            double a = Math.PI / 2 + i * Math.PI / 5;
            star.addPoint((int) Math.round(cx + r * Math.cos(a)), (int) Math.round(cy - r * Math.sin(a)));
        }
        g.fillPolygon(star);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
