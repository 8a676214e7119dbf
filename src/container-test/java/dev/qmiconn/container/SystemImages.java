package dev.qmiconn.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The booting system images, built (or found in the cache) once per test JVM by {@code bin/container-setup images
 * DEB}, which prints one "VARIANT IMAGE" line per variant of src/container/system.
 */
final class SystemImages {

    private static Map<String, String> images;

    private SystemImages() {
    }

    static synchronized String image(String variant) {
        if (images == null) {
            images = build();
        }
        String image = images.get(variant);
        if (image == null) {
            throw new IllegalStateException("no image for variant " + variant + " among " + images.keySet());
        }
        return image;
    }

    private static Map<String, String> build() {
        Path home = Path.of(System.getProperty("qmiconn.home", "."));
        Path deb = Path.of(System.getProperty("qmiconn.deb", "target/qmi-conn_0.1.0_all.deb"));
        List<String> argv = List.of(home.resolve("bin/container-setup").toString(), "images", deb.toString());
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(argv).directory(home.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " exited " + exit);
            }
            Map<String, String> found = new LinkedHashMap<>();
            out.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
                String[] f = l.split(" ");
                found.put(f[0], f[1]);
            });
            System.out.printf("container tier: system images %s ready in %d s%n", found,
                    (System.nanoTime() - t0) / 1_000_000_000L);
            return found;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + argv + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building images", e);
        }
    }
}
