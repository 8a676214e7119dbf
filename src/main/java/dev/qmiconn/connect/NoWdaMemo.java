package dev.qmiconn.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.qmiconn.config.AtomicFiles;
import dev.qmiconn.qmi.QmiClient;
import dev.qmiconn.qmi.model.DataFormat;

/**
 * The WDA answer of a modem that has no WDA service (the E397u-53: InvalidServiceType), remembered per plug-in in
 * {@code STATE_DIR/NAME.no-wda}, so each later {@code up} skips a qmicli run whose answer cannot change: a service
 * appears only with other firmware, which means a new USB enumeration and so a new device node (the key, as in
 * {@link ModemIds}). A modem that has WDA is always asked: its data format can be switched at any time.
 */
final class NoWdaMemo {

    private NoWdaMemo() {
    }

    static Optional<DataFormat> wdaDataFormat(QmiClient qmi, Path device, Path memo) {
        Optional<String> key = ModemIds.nodeKey(device);
        if (key.isPresent() && key.get().equals(read(memo))) {
            return Optional.empty();
        }
        Optional<DataFormat> answer = qmi.wdaDataFormat();
        if (answer.isEmpty() && key.isPresent()) {
            try {
                AtomicFiles.write(memo, key.get() + "\n");
            } catch (RuntimeException e) {
                // no memo: the next up asks again
            }
        }
        return answer;
    }

    private static String read(Path memo) {
        try {
            return Files.readString(memo).strip();
        } catch (IOException e) {
            return null;
        }
    }
}
