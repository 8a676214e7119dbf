package dev.qmiconn.telemetry.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/** A socket factory trusting exactly the CA certificates of one PEM file (MQTT_TLS_CA), as mosquitto's cafile. */
final class CaCertificates {

    private CaCertificates() {
    }

    static SSLSocketFactory socketFactory(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certs.isEmpty()) {
                throw new QmiConnException(ExitCode.BAD_INPUT, "invalid MQTT_TLS_CA " + pem
                        + ": no PEM certificate in it");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (IOException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "cannot read MQTT_TLS_CA " + pem + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new QmiConnException(ExitCode.BAD_INPUT, "invalid MQTT_TLS_CA " + pem + ": " + e.getMessage());
        }
    }
}
