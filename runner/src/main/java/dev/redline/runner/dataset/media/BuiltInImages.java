package dev.redline.runner.dataset.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Redline's built-in source images for {@code --image-source assets}: AIPerf ships four photos for that source; Redline
 * ships no photos but draws four scenes of its own (a landscape, a city at night, overlapping shapes, a document page
 * with a chart), the same on every machine. Like photos and unlike noise they have smooth regions, edges and grain,
 * so PNG and JPEG compress them as they compress natural images, and a server's vision encoder sees structure.
 * Drawn once per JVM (4 x 1024x768 RGB, 9 MiB).
 */
final class BuiltInImages {
    static final int WIDTH = 1024;
    static final int HEIGHT = 768;

    private static final class Holder {
        static final List<BufferedImage> IMAGES = List.of(
                draw(1, BuiltInImages::landscape), draw(2, BuiltInImages::cityAtNight),
                draw(3, BuiltInImages::shapes), draw(4, BuiltInImages::document));
    }

    private BuiltInImages() { }

    static List<BufferedImage> all() {
        return Holder.IMAGES;
    }

    private static BufferedImage draw(long seed, Consumer<Scene> scene) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            scene.accept(new Scene(g, new Random(seed)));
        } finally {
            g.dispose();
        }
        grain(img, new Random(seed * 31));
        return img;
    }

    private record Scene(Graphics2D g, Random rnd) { }

    private static void landscape(Scene s) {
        Graphics2D g = s.g();
        g.setPaint(new GradientPaint(0, 0, new Color(70, 130, 200), 0, HEIGHT * 0.6f, new Color(235, 200, 160)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(255, 230, 150));
        g.fillOval(700, 120, 120, 120);
        Color[] hills = {new Color(90, 120, 90), new Color(60, 100, 60), new Color(40, 80, 45)};
        for (int layer = 0; layer < hills.length; layer++) {
            Polygon p = new Polygon();
            p.addPoint(0, HEIGHT);
            int base = 380 + layer * 90;
            for (int x = 0; x <= WIDTH; x += 16) {
                p.addPoint(x, base - (int) (60 * Math.sin(x / (90.0 + 40 * layer) + layer) + s.rnd().nextInt(12)));
            }
            p.addPoint(WIDTH, HEIGHT);
            g.setColor(hills[layer]);
            g.fillPolygon(p);
        }
        g.setPaint(new GradientPaint(0, 640, new Color(80, 130, 180), 0, HEIGHT, new Color(30, 60, 110)));
        g.fillRect(0, 640, WIDTH, HEIGHT - 640);
    }

    private static void cityAtNight(Scene s) {
        Graphics2D g = s.g();
        g.setPaint(new GradientPaint(0, 0, new Color(10, 12, 40), 0, HEIGHT, new Color(60, 40, 80)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 120; i++) {
            g.setColor(new Color(255, 255, 255, 80 + s.rnd().nextInt(170)));
            g.fillRect(s.rnd().nextInt(WIDTH), s.rnd().nextInt(300), 2, 2);
        }
        for (int x = 0; x < WIDTH; ) {
            int w = 50 + s.rnd().nextInt(90);
            int h = 200 + s.rnd().nextInt(380);
            int shade = 20 + s.rnd().nextInt(30);
            g.setColor(new Color(shade, shade, shade + 15));
            g.fillRect(x, HEIGHT - h, w, h);
            for (int wy = HEIGHT - h + 10; wy < HEIGHT - 10; wy += 18) {
                for (int wx = x + 6; wx < x + w - 8; wx += 14) {
                    if (s.rnd().nextInt(3) == 0) {
                        g.setColor(new Color(250, 210 + s.rnd().nextInt(40), 120 + s.rnd().nextInt(60)));
                        g.fillRect(wx, wy, 7, 10);
                    }
                }
            }
            x += w + 4;
        }
    }

    private static void shapes(Scene s) {
        Graphics2D g = s.g();
        g.setPaint(new GradientPaint(0, 0, new Color(245, 240, 230), WIDTH, HEIGHT, new Color(200, 210, 225)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.55f));
        for (int i = 0; i < 24; i++) {
            g.setColor(Color.getHSBColor(s.rnd().nextFloat(), 0.6f, 0.9f));
            int d = 60 + s.rnd().nextInt(260);
            int x = s.rnd().nextInt(WIDTH - d / 2);
            int y = s.rnd().nextInt(HEIGHT - d / 2);
            if (i % 3 == 0) g.fillRect(x, y, d, d * 2 / 3);
            else g.fillOval(x, y, d, d);
        }
        g.setComposite(AlphaComposite.SrcOver);
    }

    private static void document(Scene s) {
        Graphics2D g = s.g();
        g.setColor(new Color(120, 110, 100));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(250, 250, 246));
        g.fillRect(112, 24, 800, 720);
        g.setColor(new Color(30, 30, 40));
        g.fillRect(160, 70, 420, 22); // title
        for (int y = 120; y < 380; y += 18) {
            int len = 560 + s.rnd().nextInt(140);
            for (int x = 160; x < 160 + len; ) { // words
                int w = 18 + s.rnd().nextInt(60);
                g.fillRect(x, y, Math.min(w, 160 + len - x), 8);
                x += w + 9;
            }
        }
        g.setColor(new Color(60, 60, 70));
        g.drawLine(180, 690, 850, 690);
        g.drawLine(180, 420, 180, 690);
        for (int i = 0; i < 10; i++) {
            int h = 40 + s.rnd().nextInt(220);
            g.setColor(i % 2 == 0 ? new Color(70, 120, 190) : new Color(230, 140, 60));
            g.fillRect(200 + i * 64, 690 - h, 44, h);
        }
    }

    /** Film-like grain of +-6 levels per channel: photos are never flat, and neither should their compression be. */
    private static void grain(BufferedImage img, Random rnd) {
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int v = (px[i] & 0xff) + rnd.nextInt(13) - 6;
            px[i] = (byte) Math.max(0, Math.min(255, v));
        }
    }
}
