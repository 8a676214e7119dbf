package dev.qmiconn.at;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.process.CommandResult;
import dev.qmiconn.process.CommandRunner;
import dev.qmiconn.process.CommandSpec;

/**
 * Opens a ttyUSB AT port without native code: {@code stty} (through the process seam) puts the line in raw
 * mode without echo and with {@code clocal}, so the open() that follows does not wait for carrier detect;
 * then the device file is read and written as a plain file. The open itself is bounded too.
 */
public final class SerialPort {

    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(3);

    private SerialPort() {
    }

    /** The stty argv: raw, no echo, no CR/LF translation, ignore modem-control lines, no flow control. */
    public static List<String> sttyArgv(Path device) {
        return List.of("stty", "-F", device.toString(), "raw", "-echo", "clocal", "-crtscts", "-ixon", "-ixoff");
    }

    public static AtSession open(CommandRunner runner, Path device) {
        if (!Files.exists(device)) {
            throw new QmiConnException(ExitCode.DEVICE_MISSING, "AT port " + device + " does not exist "
                    + "(is the modem plugged in and switched to 12d1:1506? try --port auto)");
        }
        CommandResult stty = runner.run(CommandSpec.of(sttyArgv(device)).withTimeout(Duration.ofSeconds(5)));
        if (stty.exitCode() == 127) {
            throw new QmiConnException(ExitCode.TOOL_MISSING, "stty is not installed (coreutils): "
                    + stty.stderr().strip());
        }
        if (!stty.succeeded()) {
            throw new QmiConnException(ExitCode.DEVICE_MISSING, "cannot set " + device + " to raw mode: "
                    + (stty.timedOut() ? "stty timed out" : stty.stderr().strip()));
        }
        FileChannel[] channels = openBounded(device);
        return new AtSession(device.toString(), channels[0], channels[1]);
    }

    /**
     * Two channels on the device, one to read and one to write: a FileChannel serialises read and write on one
     * lock, so a reader blocked on a silent port would otherwise block every write (seen with JDK 17). Closing
     * the read channel wakes its blocked reader.
     */
    private static FileChannel[] openBounded(Path device) {
        CompletableFuture<FileChannel[]> opened = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            FileChannel read = null;
            try {
                read = FileChannel.open(device, StandardOpenOption.READ);
                opened.complete(new FileChannel[] {read, FileChannel.open(device, StandardOpenOption.WRITE)});
            } catch (IOException | RuntimeException e) {
                if (read != null) {
                    closeQuietly(read);
                }
                opened.completeExceptionally(e);
            }
        }, "at-open " + device);
        t.setDaemon(true);
        t.start();
        try {
            return opened.get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            opened.thenAccept(pair -> { // if the open ever finishes, do not leak the fds
                closeQuietly(pair[0]);
                closeQuietly(pair[1]);
            });
            throw new QmiConnException(ExitCode.MODEM_ERROR, "opening " + device + " did not finish within "
                    + AtSession.seconds(OPEN_TIMEOUT));
        } catch (ExecutionException e) {
            throw new QmiConnException(ExitCode.DEVICE_MISSING, "cannot open " + device + ": "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmiConnException(ExitCode.FAILURE, "interrupted while opening " + device);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
