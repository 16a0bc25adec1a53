package io.herokuelk.shipper.index;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.herokuelk.shipper.config.ConfigurationException;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Secret;

/** Builds the official Java client from {@link ElasticsearchSettings}: the one place that knows how. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    public static ElasticsearchClient create(ElasticsearchSettings settings) {
        return ElasticsearchClient.of(builder -> {
            builder.host(settings.url().toString());
            if (settings.apiKey().isPresent()) {
                builder.apiKey(settings.apiKey().get().reveal());
            } else if (settings.username().isPresent()) {
                builder.usernameAndPassword(settings.username().get(),
                        settings.password().map(Secret::reveal).orElse(""));
            }
            settings.caCertificate().ifPresent(ca -> builder.sslContext(trusting(ca)));
            return builder;
        });
    }

    /** A TLS context that trusts the given PEM certificates (a private CA, or a self-signed cluster). */
    static SSLContext trusting(Secret pem) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.reveal().getBytes(StandardCharsets.US_ASCII)))) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            if (index == 0) {
                throw new GeneralSecurityException("no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new ConfigurationException(List.of("ELASTICSEARCH_CA_CERT holds no readable PEM certificate"));
        }
    }
}
