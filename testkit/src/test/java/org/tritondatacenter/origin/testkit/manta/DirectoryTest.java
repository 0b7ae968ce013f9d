package org.tritondatacenter.origin.testkit.manta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.http.Json;

class DirectoryTest {
  @TempDir Path dataDir;
  MantaFixture f;

  @BeforeEach
  void start() {
    f = new MantaFixture(dataDir);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void putDirectory_new_answers204AndExists() throws Exception {
    HttpResponse<String> put = f.mkdir("/alice/stor/a");

    assertThat(put.statusCode()).isEqualTo(204);
    assertThat(f.manta.isDirectory("/alice/stor/a")).isTrue();
  }

  @Test
  void putDirectory_existing_isANoOpWithTheSameChildren() throws Exception {
    f.mkdir("/alice/stor/a");
    f.put("/alice/stor/a/o", "x");

    HttpResponse<String> again = f.mkdir("/alice/stor/a");

    assertThat(again.statusCode()).isEqualTo(204);
    assertThat(f.manta.list("/alice/stor/a")).containsExactly("o");
  }

  @Test
  void putDirectory_missingParent_answers404DirectoryDoesNotExist() throws Exception {
    HttpResponse<String> put = f.mkdir("/alice/stor/a/b");

    assertThat(put.statusCode()).isEqualTo(404);
    assertThat(put.body()).contains("\"code\":\"DirectoryDoesNotExist\"");
  }

  @Test
  void putDirectory_parentIsAnObject_answers400ParentNotDirectory() throws Exception {
    f.put("/alice/stor/o", "x");

    HttpResponse<String> put = f.mkdir("/alice/stor/o/b");

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(put.body()).contains("ParentNotDirectory");
  }

  @Test
  void putDirectory_onARoot_answers400OperationNotAllowedOnRootDirectory() throws Exception {
    for (String root : new String[] {"/alice", "/alice/stor", "/alice/public"}) {
      HttpResponse<String> put = f.mkdir(root);

      assertThat(put.statusCode()).as(root).isEqualTo(400);
      assertThat(put.body()).contains("OperationNotAllowedOnRootDirectory");
    }
  }

  @Test
  void listDirectory_mixedEntries_answersSortedNdjsonWithResultSetSize() throws Exception {
    f.mkdir("/alice/stor/d");
    f.put("/alice/stor/d/b.txt", "bee", "Content-Type", "text/plain");
    f.mkdir("/alice/stor/d/a-dir");
    f.put("/alice/stor/d/c", "");

    HttpResponse<String> get =
        f.get("/alice/stor/d?limit=1024", "Accept", "application/x-json-stream");

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.headers().firstValue("content-type"))
        .contains("application/x-json-stream; type=directory");
    assertThat(get.headers().firstValue("result-set-size")).contains("3");
    List<JsonNode> entries = entries(get.body());
    assertThat(entries)
        .extracting(e -> e.get("name").asText())
        .containsExactly("a-dir", "b.txt", "c");
    JsonNode dir = entries.get(0);
    assertThat(dir.get("type").asText()).isEqualTo("directory");
    assertThat(dir.get("mtime").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(dir.has("etag")).isFalse();
    JsonNode obj = entries.get(1);
    assertThat(obj.get("type").asText()).isEqualTo("object");
    assertThat(obj.get("size").asLong()).isEqualTo(3);
    assertThat(obj.get("etag").asText()).isNotBlank();
    assertThat(obj.get("contentType").asText()).isEqualTo("text/plain");
    assertThat(obj.get("contentMD5").asText()).isEqualTo(MantaFixture.md5("bee"));
    assertThat(obj.get("durability").asInt()).isEqualTo(2);
    assertThat(entries.get(2).get("durability").asInt()).isZero();
  }

  @Test
  void listDirectory_pagedWithMarker_isInclusiveOfTheMarker() throws Exception {
    f.mkdir("/alice/stor/d");
    for (String name : new String[] {"e", "a", "d", "b", "c"}) {
      f.put("/alice/stor/d/" + name, name);
    }

    List<String> first = names(f.get("/alice/stor/d?limit=2").body());
    List<String> second = names(f.get("/alice/stor/d?limit=2&marker=b").body());
    List<String> third = names(f.get("/alice/stor/d?limit=2&marker=d").body());

    assertThat(first).containsExactly("a", "b");
    assertThat(second).containsExactly("b", "c");
    assertThat(third).containsExactly("d", "e");
    assertThat(f.get("/alice/stor/d?limit=2&marker=d").headers().firstValue("result-set-size"))
        .contains("5");
  }

  @Test
  void listDirectory_defaultLimit_is256() throws Exception {
    f.mkdir("/alice/stor/many");
    for (int i = 0; i < 300; i++) {
      f.put(String.format("/alice/stor/many/%03d", i), "");
    }

    assertThat(names(f.get("/alice/stor/many").body())).hasSize(256);
    assertThat(names(f.get("/alice/stor/many?limit=1024").body())).hasSize(300);
  }

  @Test
  void listDirectory_limitOutOfRange_answers400InvalidArgumentError() throws Exception {
    for (String limit : new String[] {"0", "1025", "lots"}) {
      HttpResponse<String> get = f.get("/alice/stor?limit=" + limit);

      assertThat(get.statusCode()).as(limit).isEqualTo(400);
      assertThat(get.body()).contains("InvalidArgumentError").contains("[1, 1024]");
    }
  }

  @Test
  void listDirectory_reverseAndTypeFilters_areApplied() throws Exception {
    f.mkdir("/alice/stor/d");
    f.mkdir("/alice/stor/d/x");
    f.put("/alice/stor/d/y", "y");
    f.put("/alice/stor/d/z", "z");

    assertThat(names(f.get("/alice/stor/d?sort_order=reverse").body()))
        .containsExactly("z", "y", "x");
    assertThat(names(f.get("/alice/stor/d?obj=true").body())).containsExactly("y", "z");
    assertThat(names(f.get("/alice/stor/d?dir=true").body())).containsExactly("x");
  }

  @Test
  void headDirectory_answersTypeAndResultSetSizeWithoutBody() throws Exception {
    f.mkdir("/alice/stor/d");
    f.put("/alice/stor/d/o", "x");

    HttpResponse<String> head = f.head("/alice/stor/d");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("content-type"))
        .contains("application/x-json-stream; type=directory");
    assertThat(head.headers().firstValue("result-set-size")).contains("1");
    assertThat(head.body()).isEmpty();
    assertThat(f.log.count("HeadDirectory")).isEqualTo(1);
  }

  @Test
  void listAccountRoot_answersPublicAndStor() throws Exception {
    HttpResponse<String> get = f.get("/alice");

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(names(get.body())).containsExactly("public", "stor");
    assertThat(get.headers().firstValue("result-set-size")).contains("2");
  }

  @Test
  void deleteDirectory_empty_answers204() throws Exception {
    f.mkdir("/alice/stor/d");

    HttpResponse<String> delete = f.delete("/alice/stor/d");

    assertThat(delete.statusCode()).isEqualTo(204);
    assertThat(f.manta.exists("/alice/stor/d")).isFalse();
    assertThat(f.log.count("DeleteDirectory")).isEqualTo(1);
  }

  @Test
  void deleteDirectory_notEmpty_answers400DirectoryNotEmpty() throws Exception {
    f.mkdir("/alice/stor/d");
    f.put("/alice/stor/d/o", "x");

    HttpResponse<String> delete = f.delete("/alice/stor/d");

    assertThat(delete.statusCode()).isEqualTo(400);
    assertThat(delete.body()).contains("DirectoryNotEmpty");
  }

  @Test
  void deleteObject_existing_answers204ThenSecondDeleteAnswers404() throws Exception {
    f.put("/alice/stor/o", "x");

    HttpResponse<String> first = f.delete("/alice/stor/o");
    HttpResponse<String> second = f.delete("/alice/stor/o");

    assertThat(first.statusCode()).isEqualTo(204);
    assertThat(second.statusCode()).isEqualTo(404);
    assertThat(second.body()).contains("ResourceNotFound");
    assertThat(f.manta.bytesOnDisk()).isZero();
  }

  @Test
  void delete_root_answers400OperationNotAllowedOnRootDirectory() throws Exception {
    for (String root : new String[] {"/alice", "/alice/stor", "/alice/public"}) {
      HttpResponse<String> delete = f.delete(root);

      assertThat(delete.statusCode()).as(root).isEqualTo(400);
      assertThat(delete.body()).contains("OperationNotAllowedOnRootDirectory");
    }
  }

  @Test
  void unknownTopLevelDirectory_answers404() throws Exception {
    HttpResponse<String> get = f.get("/alice/jobs");

    assertThat(get.statusCode()).isEqualTo(404);
    assertThat(get.body()).contains("ResourceNotFound");
  }

  static List<JsonNode> entries(String ndjson) throws Exception {
    List<JsonNode> entries = new ArrayList<>();
    for (String line : ndjson.split("\n")) {
      if (!line.isBlank()) {
        entries.add(Json.MAPPER.readTree(line));
      }
    }
    return entries;
  }

  static List<String> names(String ndjson) throws Exception {
    return entries(ndjson).stream().map(e -> e.get("name").asText()).toList();
  }
}
