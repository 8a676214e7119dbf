package dev.qmiconn.cli;

import dev.qmiconn.client.ServiceClient;

/**
 * The jar's entry point, kept to the JDK's java.base and {@link ServiceClient}: a command a running service
 * answers is forwarded from here, so that path never loads {@link Main}, whose verification alone pulls in
 * picocli, nor any static initialiser of the rest of the program. Everything else goes to {@link Main#main}.
 * The forwarded exit is the one {@code System.exit} outside {@link Main}: reaching Main would cost the start-up
 * this class exists to save.
 */
public final class Entry {

    private Entry() {
    }

    public static void main(String[] args) {
        int forwarded = ServiceClient.forward(args, System.out, System.err);
        if (forwarded >= 0) {
            System.out.flush();
            System.exit(forwarded);
        }
        Main.main(args);
    }
}
