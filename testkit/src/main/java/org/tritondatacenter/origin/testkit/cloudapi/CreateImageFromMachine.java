package org.tritondatacenter.origin.testkit.cloudapi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.testkit.SimulatorContext;
import org.tritondatacenter.origin.testkit.http.ApiError;

/**
 * CreateImageFromMachine ({@code POST /:login/images}): an incremental image of a stopped machine,
 * {@code creating} until the job ends. Its manifest inherits from the machine's image as IMGAPI's
 * "Inherited Fields" say, with {@code requirements.min_platform} raised to the compute node's
 * platform, and its file is generated on disk now, digests computed as it is written.
 */
final class CreateImageFromMachine {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._/ -]{1,512}");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+-]{1,128}");
  private static final List<String> INHERITED =
      List.of(
          "type",
          "os",
          "users",
          "billing_tags",
          "traits",
          "generate_passwords",
          "inherited_directories");
  private static final List<String> OPTIONAL =
      List.of("description", "homepage", "eula", "acl", "tags");

  private final SimulatorContext context;
  private final CloudState state;

  CreateImageFromMachine(SimulatorContext context, CloudState state) {
    this.context = context;
    this.state = state;
  }

  void handle(Call call) {
    Params p = call.params();
    String machineId = p.required("machine");
    String name = p.required("name");
    String version = p.required("version");
    validate(name, version, p);
    SimMachine machine = state.machine(machineId);
    if (machine == null) {
      throw ApiError.notFound("ResourceNotFound", "machine " + machineId + " not found");
    }
    // The docs ask for "the prepared and stopped instance"; the server code was not seen to check
    // it, but a running machine would give an inconsistent snapshot, so refuse it plainly.
    String machineState = machine.state(call.now());
    if (!machineState.equals("stopped")) {
      throw ApiError.conflict(
          "InvalidState",
          "machine "
              + machineId
              + " is "
              + machineState
              + "; CreateImageFromMachine needs a stopped machine (StopMachine first)");
    }
    UUID uuid = UUID.randomUUID();
    Map<String, Object> manifest = manifest(uuid.toString(), call, machine, name, version);
    Path path = context.dataDir().resolve("cloudapi").resolve("images").resolve(uuid + ".zfs.gz");
    ImageFile file =
        ImageFile.write(
            path,
            context.options().imageFileBytes(),
            uuid.getMostSignificantBits() ^ uuid.getLeastSignificantBits());
    Map<String, Object> fileEntry = new LinkedHashMap<>();
    fileEntry.put("sha1", file.sha1());
    fileEntry.put("size", file.size());
    fileEntry.put("compression", ImageFile.COMPRESSION);
    manifest.put("files", List.of(fileEntry));
    SimImage image =
        SimImage.creating(
            manifest, call.now().plus(context.options().timings().createImage()), file);
    String[] failure = state.takeImageFailure();
    if (failure != null) {
      image.failWhenDone(failure[0], failure[1]);
    }
    state.addImage(image);
    call.exchange().responseHeader("Location", "/" + call.login() + "/images/" + uuid);
    call.exchange().responseHeader("x-joyent-jobid", UUID.randomUUID().toString());
    call.send(201, image.cloudView(call.now(), call.version()));
  }

  private Map<String, Object> manifest(
      String uuid, Call call, SimMachine machine, String name, String version) {
    SimImage origin = state.image(machine.imageId());
    Map<String, Object> originManifest = origin == null ? Map.of() : origin.manifest(call.now());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("v", 2);
    m.put("uuid", uuid);
    m.put("owner", CloudApiSimulator.accountUuid(call.login()));
    m.put("name", name);
    m.put("version", version);
    for (String key : OPTIONAL) {
      if (call.params().raw(key) != null) {
        m.put(key, call.params().raw(key));
      }
    }
    m.put("disabled", false);
    m.put("public", false);
    for (String key : INHERITED) {
      if (originManifest.get(key) != null) {
        m.put(key, originManifest.get(key));
      }
    }
    m.put("origin", machine.imageId());
    Map<String, Object> requirements = new LinkedHashMap<>();
    if (originManifest.get("requirements") instanceof Map<?, ?> inherited) {
      inherited.forEach((k, v) -> requirements.put((String) k, v));
    }
    // joyent-minimal images require the platform they were made on: the compute node's stamp.
    requirements.put("min_platform", Map.of("7.0", state.platform()));
    m.put("requirements", requirements);
    return m;
  }

  private static void validate(String name, String version, Params p) {
    List<Map<String, String>> errors = new ArrayList<>();
    if (!NAME.matcher(name).matches()) {
      errors.add(error("name", "at most 512 letters, digits, spaces and . _ / -"));
    }
    if (!VERSION.matcher(version).matches()) {
      errors.add(error("version", "at most 128 letters, digits and . _ + -"));
    }
    if (p.raw("acl") != null && !(p.raw("acl") instanceof List)) {
      errors.add(error("acl", "an array of account UUIDs"));
    }
    if (p.raw("tags") != null && !(p.raw("tags") instanceof Map)) {
      errors.add(error("tags", "an object"));
    }
    if (!errors.isEmpty()) {
      throw ApiError.unprocessable("ValidationFailed", "invalid image data").errors(errors);
    }
  }

  private static Map<String, String> error(String field, String expected) {
    Map<String, String> e = new LinkedHashMap<>();
    e.put("field", field);
    e.put("code", "Invalid");
    e.put("message", field + " must be " + expected);
    return e;
  }
}
