package dev.redline.runner.dataset.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/**
 * The frames of a synthetic clip, one {@link BufferedImage} (BGR bytes, what ffmpeg reads as bgr24) at a time, in
 * AIPerf's three styles: moving_shapes (three shapes crossing a black frame), grid_clock (a grid, a clock whose hands
 * turn once per clip and the frame number) and noise (random pixels from the clip's seeded stream).
 */
final class VideoFrames {
    private final String type;
    private final int width;
    private final int height;
    private final int total;
    private final Random noise;
    private final BufferedImage frame;

    VideoFrames(String type, int width, int height, int total, Random noise) {
        this.type = type;
        this.width = width;
        this.height = height;
        this.total = total;
        this.noise = noise;
        this.frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    }

    /** Draws frame {@code n} into the reused buffer and returns its bytes (valid until the next call). */
    byte[] draw(int n) {
        byte[] pixels = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
        if ("noise".equals(type)) {
            noise.nextBytes(pixels);
            return pixels;
        }
        Graphics2D g = frame.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            if ("grid_clock".equals(type)) gridClock(g, n);
            else movingShapes(g, n);
        } finally {
            g.dispose();
        }
        return pixels;
    }

    private void movingShapes(Graphics2D g, int n) {
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width, height);
        shape(g, true, new Color(255, 0, 0), 30, 0 + (double) width / total * 2 * n, height / 2.0);
        shape(g, false, new Color(0, 255, 0), 25, width / 2.0, (double) height / total * 2 * n);
        shape(g, true, new Color(0, 0, 255), 20, width - (double) width / total * 1.5 * n, height - (double) height / total * 1.5 * n);
    }

    private void shape(Graphics2D g, boolean circle, Color color, int size, double x, double y) {
        int cx = (int) Math.floorMod((long) Math.floor(x), width);
        int cy = (int) Math.floorMod((long) Math.floor(y), height);
        g.setColor(color);
        if (circle) g.fillOval(cx - size / 2, cy - size / 2, size, size);
        else g.fillRect(cx - size / 2, cy - size / 2, size, size);
    }

    private void gridClock(Graphics2D g, int n) {
        g.setColor(new Color(32, 32, 32));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(64, 64, 64));
        for (int x = 0; x < width; x += 32) g.drawLine(x, 0, x, height);
        for (int y = 0; y < height; y += 32) g.drawLine(0, y, width, y);
        int cx = width / 2;
        int cy = height / 2;
        int r = Math.min(width, height) / 4;
        double angle = (double) n / total * 2 * Math.PI;
        hand(g, cx, cy, r * 0.6, angle / 12, new Color(255, 255, 0), 3);
        hand(g, cx, cy, r * 0.9, angle, Color.WHITE, 2);
        g.setColor(new Color(128, 128, 128));
        g.setStroke(new BasicStroke(2));
        g.drawOval(cx - r, cy - r, 2 * r, 2 * r);
        g.setColor(new Color(255, 0, 0));
        g.fillOval(cx - 3, cy - 3, 6, 6);
        g.setColor(Color.WHITE);
        g.drawString("Frame " + n, 10, 20);
    }

    private static void hand(Graphics2D g, int cx, int cy, double length, double angle, Color color, int stroke) {
        g.setColor(color);
        g.setStroke(new BasicStroke(stroke));
        g.drawLine(cx, cy, (int) Math.round(cx + length * Math.cos(angle - Math.PI / 2)), (int) Math.round(cy + length * Math.sin(angle - Math.PI / 2)));
    }
}
