package org.tritondatacenter.origin.testkit.cloudapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.ApiError;

/**
 * GetAccount and the account's keys (ListKeys, GetKey). node-triton's {@code triton info}, {@code
 * triton account get} and {@code triton keys} call them, and clients use ListKeys to check that the
 * configured key is registered (apis.md §2.8).
 */
final class AccountEndpoints {
  private final SimulatorContext context;
  private final Instant created;

  AccountEndpoints(SimulatorContext context) {
    this.context = context;
    this.created = context.simNow();
  }

  void register(CloudRoutes routes) {
    routes
        .route("GET", "/:login", "GetAccount", this::getAccount)
        .route("GET", "/:login/keys", "ListKeys", this::listKeys)
        .route("GET", "/:login/keys/:key", "GetKey", this::getKey);
  }

  private void getAccount(Call call) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", CloudApiSimulator.accountUuid(call.login()));
    body.put("login", call.login());
    body.put("email", call.login() + "@triton-origin-testkit.invalid");
    body.put("companyName", "triton-origin testkit");
    body.put("firstName", call.login());
    body.put("lastName", "Testkit");
    body.put("triton_cns_enabled", false);
    body.put("created", Timestamps.format(created));
    body.put("updated", Timestamps.format(created));
    call.send(200, body);
  }

  private void listKeys(Call call) {
    List<Map<String, Object>> out = new ArrayList<>();
    context.auth().publicKeys(call.login(), null).forEach((name, line) -> out.add(key(name, line)));
    call.send(200, out);
  }

  /** Finds a key by name or MD5 fingerprint, as CloudAPI does. */
  private void getKey(Call call) {
    String wanted = call.pathParam("key");
    for (Map.Entry<String, String> e : context.auth().publicKeys(call.login(), null).entrySet()) {
      Map<String, Object> key = key(e.getKey(), e.getValue());
      if (wanted.equals(key.get("name")) || wanted.equals(key.get("fingerprint"))) {
        call.send(200, key);
        return;
      }
    }
    throw ApiError.notFound("ResourceNotFound", "key " + wanted + " was not found");
  }

  private static Map<String, Object> key(String name, String line) {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("name", name);
    key.put("fingerprint", md5Fingerprint(line));
    key.put("key", line);
    key.put("attested", false);
    return key;
  }

  /** Returns the MD5 of the key's SSH wire blob in lowercase colon hex, as CloudAPI shows it. */
  private static String md5Fingerprint(String publicKeyLine) {
    String[] parts = publicKeyLine.strip().split("\\s+");
    byte[] blob = Base64.getDecoder().decode(parts[1]);
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(blob);
      return HexFormat.ofDelimiter(":").formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }
}
