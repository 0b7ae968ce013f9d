package org.tritondatacenter.origin.testkit.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tritondatacenter.origin.testkit.cloudapi.CloudApiMachinesTest.assertError;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.testkit.cloudapi.CloudApiHarness.Answer;

class CloudApiMetadataTest {
  private CloudApiHarness h;
  private String path;

  @BeforeEach
  void start() throws Exception {
    h = CloudApiHarness.start();
    String id =
        (String)
            h.createMachine("md", Map.of("metadata.color", "blue", "tag.role", "db")).get("id");
    path = "/my/machines/" + id;
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void listMetadata_answersTheCustomerMetadata() {
    assertThat(h.get(path + "/metadata").map()).isEqualTo(Map.of("color", "blue"));
  }

  @Test
  void getMetadata_acceptingText_answersThePlainValue_or404() {
    Answer value = h.get(path + "/metadata/color", "Accept", "text/plain");
    Answer missing = h.get(path + "/metadata/size", "Accept", "text/plain");

    assertThat(value.status()).isEqualTo(200);
    assertThat(value.body()).isEqualTo("blue");
    assertThat(value.header("Content-Type")).startsWith("text/plain");
    assertError(missing, 404, "ResourceNotFound", "size");
  }

  @Test
  void getMetadata_acceptingJson_answersAJsonString() {
    Answer value = h.get(path + "/metadata/color", "Accept", "application/json");

    assertThat(value.status()).isEqualTo(200);
    assertThat(value.header("Content-Type")).startsWith("application/json");
    assertThat(value.json()).isEqualTo("blue");
  }

  @Test
  void updateMetadata_mergesAndAnswersAllMetadata() {
    Answer a = h.post(path + "/metadata", Map.of("color", "red", "shape", "round", "n", 3));

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.map()).isEqualTo(Map.of("color", "red", "shape", "round", "n", "3"));
    assertThat(h.get(path + "/metadata/shape").json()).isEqualTo("round");
  }

  @Test
  void deleteMetadata_removesOneKeyOrAll() {
    h.post(path + "/metadata", Map.of("shape", "round"));

    assertThat(h.delete(path + "/metadata/color").status()).isEqualTo(204);
    assertThat(h.get(path + "/metadata").map()).isEqualTo(Map.of("shape", "round"));
    assertThat(h.delete(path + "/metadata").status()).isEqualTo(204);
    assertThat(h.get(path + "/metadata").map()).isEmpty();
  }

  @Test
  void tags_listAndGet() {
    assertThat(h.get(path + "/tags").map()).isEqualTo(Map.of("role", "db"));
    assertThat(h.get(path + "/tags/role").json()).isEqualTo("db");
    assertError(h.get(path + "/tags/owner"), 404, "ResourceNotFound", "owner");
  }

  @Test
  void metadata_ofADeletedMachine_answers410() {
    h.delete(path);
    h.clock.advance(Duration.ofMinutes(1));

    Answer a = h.get(path + "/metadata");

    assertThat(a.status()).isEqualTo(410);
    assertThat(a.map()).containsEntry("state", "deleted");
  }
}
