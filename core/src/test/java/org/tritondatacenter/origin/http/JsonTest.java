package org.tritondatacenter.origin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {
  enum State {
    RUNNING,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  record Machine(String id, State state, Instant created, String brand) {}

  @Test
  void read_ignoresUnknownFieldsAndMapsEnumsLeniently() throws Exception {
    Machine m =
        Json.mapper()
            .readValue(
                "{\"id\":\"m1\",\"state\":\"running\",\"created\":\"2026-01-02T03:04:05.000Z\","
                    + "\"newField\":{\"x\":1}}",
                Machine.class);

    assertThat(m)
        .isEqualTo(new Machine("m1", State.RUNNING, Instant.parse("2026-01-02T03:04:05Z"), null));
    assertThat(Json.mapper().readValue("{\"state\":\"provisioning\"}", Machine.class).state())
        .isEqualTo(State.UNKNOWN);
  }

  @Test
  void write_omitsNullsAndWritesInstantsAsIsoStrings() throws Exception {
    String json =
        Json.mapper()
            .writeValueAsString(
                new Machine("m1", null, Instant.parse("2026-01-02T03:04:05Z"), null));

    assertThat(json).isEqualTo("{\"id\":\"m1\",\"created\":\"2026-01-02T03:04:05Z\"}");
  }
}
