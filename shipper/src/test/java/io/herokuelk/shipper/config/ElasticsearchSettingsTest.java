package io.herokuelk.shipper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchSettingsTest {

    @Test
    void credentialsInTheUrlBecomeBasicAuthAndLeaveTheUrl() {
        ElasticsearchSettings settings = read(Map.of(
                "ELASTICSEARCH_URL", "https://bonsai_user:p%40ss%3Aword@myapp-1234.us-east-1.bonsaisearch.net:443"));

        assertThat(settings.url()).isEqualTo(URI.create("https://myapp-1234.us-east-1.bonsaisearch.net:443"));
        assertThat(settings.username()).contains("bonsai_user");
        assertThat(settings.password())
                .hasValueSatisfying(p -> assertThat(p.reveal()).isEqualTo("p@ss:word"));
        assertThat(settings.summary())
                .doesNotContain("p@ss")
                .doesNotContain("bonsai_user")
                .isEqualTo("https://myapp-1234.us-east-1.bonsaisearch.net:443 (from ELASTICSEARCH_URL, basic auth,"
                        + " namespace default)");
    }

    @Test
    void herokuAddOnUrlsWithoutAPortKeepTheirCredentialsOutOfTheUrlAndTheLog() {
        ElasticsearchSettings settings =
                read(Map.of("ELASTICSEARCH_URL", "https://a1b2c3:d4e5f6g7@myapp-1234.us-east-1.bonsaisearch.net"));

        assertThat(settings.url()).isEqualTo(URI.create("https://myapp-1234.us-east-1.bonsaisearch.net"));
        assertThat(settings.username()).contains("a1b2c3");
        assertThat(settings.password())
                .hasValueSatisfying(p -> assertThat(p.reveal()).isEqualTo("d4e5f6g7"));
        assertThat(settings.toString()).doesNotContain("d4e5f6g7");
    }

    @Test
    void anApiKeyWinsAndTheDefaultIsTheLocalNode() {
        ElasticsearchSettings settings = read(Map.of("ELASTICSEARCH_API_KEY", "a2V5OnNlY3JldA=="));

        assertThat(settings.url()).isEqualTo(URI.create("http://127.0.0.1:9200"));
        assertThat(settings.apiKey()).isPresent();
        assertThat(settings.summary())
                .contains("API key")
                .contains("from default")
                .doesNotContain("a2V5");
        assertThat(settings.namespace()).isEqualTo("default");
    }

    @Test
    void anElasticCloudIdGivesTheDeploymentsUrl() {
        String encoded = Base64.getEncoder()
                .encodeToString("us-central1.gcp.cloud.es.io:443$abc123$def456".getBytes(StandardCharsets.UTF_8));

        ElasticsearchSettings settings = read(Map.of("ELASTIC_CLOUD_ID", "my-deployment:" + encoded));

        assertThat(settings.url()).isEqualTo(URI.create("https://abc123.us-central1.gcp.cloud.es.io:443"));
    }

    @Test
    void badValuesAreNamedWithoutTheirSecrets() {
        assertThatThrownBy(() -> read(Map.of(
                        "ELASTICSEARCH_URL", "not a url with s3cret",
                        "ELASTIC_CLOUD_ID", "my-deployment:!!!",
                        "ELASTICSEARCH_NAMESPACE", "Has-Dash")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ELASTIC_CLOUD_ID")
                .hasMessageContaining("ELASTICSEARCH_NAMESPACE=Has-Dash")
                .message()
                .doesNotContain("s3cret");
    }

    @Test
    void theSearchAddOnsUrlsAreReadInTheirOrderAfterElasticsearchUrl() {
        Map<String, String> addOns = Map.of(
                "BONSAI_URL", "https://b:bsecret@bonsai.example",
                "SEARCHBOX_SSL_URL", "https://s:ssecret@searchbox-ssl.example",
                "SEARCHBOX_URL", "http://s:ssecret@searchbox.example",
                "FOUNDELASTICSEARCH_URL", "https://f:fsecret@found.example");
        assertThat(read(addOns).url()).isEqualTo(URI.create("https://bonsai.example"));
        assertThat(read(addOns).summary()).contains("from BONSAI_URL").doesNotContain("bsecret");

        Map<String, String> withOwnUrl = new java.util.HashMap<>(addOns);
        withOwnUrl.put("ELASTICSEARCH_URL", "https://mine.example");
        assertThat(read(withOwnUrl).url()).isEqualTo(URI.create("https://mine.example"));

        Map<String, String> rest = new java.util.HashMap<>(addOns);
        rest.remove("BONSAI_URL");
        assertThat(read(rest).url()).isEqualTo(URI.create("https://searchbox-ssl.example"));
        rest.remove("SEARCHBOX_SSL_URL");
        assertThat(read(rest).url()).isEqualTo(URI.create("http://searchbox.example"));
        assertThat(read(rest).password())
                .hasValueSatisfying(p -> assertThat(p.reveal()).isEqualTo("ssecret"));
        rest.remove("SEARCHBOX_URL");
        assertThat(read(rest).url()).isEqualTo(URI.create("https://found.example"));
        assertThat(read(rest).source()).isEqualTo("FOUNDELASTICSEARCH_URL");
    }

    @Test
    void onlyHttpAndHttpsUrlsAreTaken() {
        assertThatThrownBy(() -> read(Map.of("ELASTICSEARCH_URL", "ftp://u:s3cret@host.example")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ELASTICSEARCH_URL must be an http:// or https:// URL")
                .hasMessageContaining("(it is ftp://)")
                .message()
                .doesNotContain("s3cret");
        assertThatThrownBy(() -> read(Map.of("BONSAI_URL", "bonsai.example:443")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("BONSAI_URL must be an http:// or https:// URL");
    }

    private static ElasticsearchSettings read(Map<String, String> variables) {
        Environment env = new Environment(variables);
        ElasticsearchSettings settings = ElasticsearchSettings.from(env);
        env.validate();
        return settings;
    }
}
