package io.platform.killswitch.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.platform.killswitch.config.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsClientsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:4566",
        "moto",
        "http://moto host:5000",
        "moto:5000/",
        "ftp://moto:5000",
        "http:///path"
      })
  void anEndpointThatIsNotAnHttpUrlStopsTheInitNamingTheVariable(String url) {
    Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", url);

    assertThatThrownBy(() -> AwsClients.fromEnvironment(env, false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("AWS_ENDPOINT_URL=" + url + " is not an http(s) URL");
  }
}
