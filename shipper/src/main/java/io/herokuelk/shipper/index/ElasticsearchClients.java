package io.herokuelk.shipper.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.ElasticsearchTransportConfig;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import io.herokuelk.shipper.config.ConfigurationException;
import io.herokuelk.shipper.config.ElasticsearchSettings;
import io.herokuelk.shipper.config.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/** Builds the official Java client from {@link ElasticsearchSettings}: the one place that knows how. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {}

    public static ElasticsearchClient create(ElasticsearchSettings settings) {
        return create(settings, settings.timeout());
    }

    /**
     * A client whose requests fail once {@code timeout} passes without an answer: the low-level client waits
     * forever by default, so a hung cluster would hold a bulk request (and the indexer's partitions) without a word.
     */
    public static ElasticsearchClient create(ElasticsearchSettings settings, Duration timeout) {
        return ElasticsearchClient.of(builder -> {
            builder.host(settings.url().toString());
            if (settings.apiKey().isPresent()) {
                builder.apiKey(settings.apiKey().get().reveal());
            } else if (settings.username().isPresent()) {
                builder.usernameAndPassword(
                        settings.username().get(),
                        settings.password().map(Secret::reveal).orElse(""));
            }
            settings.caCertificate().ifPresent(ca -> builder.sslContext(trusting(ca)));
            builder.transportFactory(config -> new Rest5ClientTransport(
                    lowLevel(config, timeout),
                    config.mapper(),
                    Rest5ClientOptions.of(config.transportOptions()),
                    config.instrumentation()));
            return builder;
        });
    }

    /** The low-level client as the official one builds it (hosts, credentials, TLS), with answer deadlines. */
    private static Rest5Client lowLevel(ElasticsearchTransportConfig config, Duration timeout) {
        Timeout limit = Timeout.ofMilliseconds(timeout.toMillis());
        Rest5ClientBuilder rest = Rest5Client.builder(config.hosts())
                .setRequestConfigCallback(
                        request -> request.setResponseTimeout(limit).setConnectionRequestTimeout(limit))
                .setConnectionConfigCallback(
                        connection -> connection.setConnectTimeout(limit).setSocketTimeout(limit));
        if (config.apiKey() != null) {
            rest.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + config.apiKey())});
        } else if (config.username() != null) {
            String basic = Base64.getEncoder()
                    .encodeToString((config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
            rest.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "Basic " + basic)});
        }
        if (config.sslContext() != null) {
            rest.setSSLContext(config.sslContext());
        }
        return rest.build();
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
