package org.tritondatacenter.origin.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses and loads the CloudAPI profile exactly as node-triton's {@code lib/config.js} and {@code
 * lib/cli.js} do.
 *
 * <p>The name comes from {@code --profile}, then {@code TRITON_PROFILE}, then the {@code profile}
 * of {@code ~/.triton/config.json}, and is {@code env} otherwise. The {@code env} profile is made
 * of the {@code TRITON_*} variables, each falling back to its {@code SDC_*} name; any other profile
 * is read from {@code ~/.triton/profiles.d/<name>.json} and the variables play no part in it, so a
 * stale {@code SDC_URL} cannot redirect a run that chose another profile. Flags override the fields
 * of whichever profile is chosen.
 */
final class TritonProfiles {
  static final String ENV = "env";

  /** The fields node-triton allows in a profile file; {@code name} comes from the file name. */
  private static final Set<String> FIELDS =
      Set.of("url", "account", "keyId", "insecure", "user", "roles", "actAsAccount");

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final EnvValues env;
  private final Path configDir;

  TritonProfiles(Map<String, String> env, Path home) {
    this.env = new EnvValues(env);
    this.configDir = home.resolve(".triton");
  }

  /** The profile name chosen and what chose it. */
  record Choice(String name, String chosenBy) {}

  Choice choose(String flagProfile) {
    if (flagProfile != null && !flagProfile.isBlank()) {
      return new Choice(flagProfile.strip(), "--profile");
    }
    EnvValues.Found fromEnv = env.first("TRITON_PROFILE");
    if (fromEnv != null) {
      return new Choice(fromEnv.value(), "TRITON_PROFILE");
    }
    Path config = configDir.resolve("config.json");
    JsonNode root = readJson(config, "the Triton config file");
    if (root != null) {
      if (!root.isObject()) {
        throw new ConfigException(
            "the Triton config file " + config + " is not a JSON object; fix or remove it");
      }
      JsonNode profile = root.get("profile");
      if (profile != null && profile.isTextual() && !profile.asText().isBlank()) {
        return new Choice(profile.asText().strip(), "the \"profile\" of " + config);
      }
    }
    return new Choice(ENV, "default");
  }

  /**
   * Loads the chosen profile with the flags applied.
   *
   * @param keyFlag the flag that gave {@code flags.key()}, for messages
   * @throws ConfigException naming each missing or bad field and what supplies it
   */
  TritonProfile load(String flagProfile, ServiceFlags flags, String keyFlag) {
    Choice choice = choose(flagProfile);
    return choice.name().equals(ENV)
        ? loadEnv(choice, flags, keyFlag)
        : loadFile(choice, flags, keyFlag);
  }

  private TritonProfile loadEnv(Choice choice, ServiceFlags flags, String keyFlag) {
    Fields f = new Fields();
    f.take("url", env.first("TRITON_URL", "SDC_URL"));
    f.take("account", env.first("TRITON_ACCOUNT", "SDC_ACCOUNT"));
    f.take("keyId", env.first("TRITON_KEY_ID", "SDC_KEY_ID"));
    f.take("user", env.first("TRITON_USER", "SDC_USER"));
    Boolean insecure = env.bool("TRITON_TLS_INSECURE");
    String insecureFrom = "TRITON_TLS_INSECURE";
    if (insecure == null) {
      insecure = env.bool("SDC_TLS_INSECURE");
      insecureFrom = "SDC_TLS_INSECURE";
    }
    if (insecure == null && env.get("SDC_TESTING") != null && !env.get("SDC_TESTING").isEmpty()) {
      // The legacy smartdc tools took any non-empty SDC_TESTING as "insecure"; node-triton too.
      insecure = true;
      insecureFrom = "SDC_TESTING";
    }
    f.insecure = Boolean.TRUE.equals(insecure);
    if (insecure != null) {
      f.sources.put("insecure", insecureFrom);
    }
    f.override(flags, keyFlag);
    List<String> missing = new ArrayList<>();
    if (f.values.get("url") == null) {
      missing.add("no URL (set TRITON_URL or SDC_URL, or give --url)");
    }
    if (f.values.get("account") == null) {
      missing.add("no account (set TRITON_ACCOUNT or SDC_ACCOUNT, or give --account)");
    }
    if (f.values.get("keyId") == null) {
      missing.add(
          "no key (set TRITON_KEY_ID or SDC_KEY_ID to the key's fingerprint, or give --key-id"
              + " or --identity)");
    }
    if (!missing.isEmpty()) {
      String why =
          choice.chosenBy().equals("default")
              ? "No Triton profile is chosen, so the 'env' profile of variables is used"
              : "The 'env' profile (chosen by " + choice.chosenBy() + ") is made of variables";
      throw new ConfigException(
          "CloudAPI is not configured: "
              + String.join("; ", missing)
              + ". "
              + why
              + "; or choose a profile of ~/.triton/profiles.d with --profile or TRITON_PROFILE.");
    }
    return f.profile(ENV);
  }

  private TritonProfile loadFile(Choice choice, ServiceFlags flags, String keyFlag) {
    String name = choice.name();
    if (!NAME.matcher(name).matches()) {
      throw new ConfigException(
          "the Triton profile name '"
              + name
              + "' (from "
              + choice.chosenBy()
              + ") is not a profile name; use letters, digits, '.', '_' and '-'");
    }
    Path file = configDir.resolve("profiles.d").resolve(name + ".json");
    JsonNode root = readJson(file, "the Triton profile '" + name + "'");
    if (root == null) {
      throw new ConfigException(
          "no such Triton profile: '"
              + name
              + "' (chosen by "
              + choice.chosenBy()
              + "); "
              + file
              + " does not exist. Create it with `triton profile create`, or choose another.");
    }
    String what = "the Triton profile '" + name + "' (" + file + ")";
    if (!root.isObject()) {
      throw new ConfigException(what + " is not a JSON object");
    }
    if (root.has("name")) {
      throw new ConfigException(what + " must not include a \"name\" field; remove it");
    }
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!FIELDS.contains(field)) {
        unknown.add(field);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          what
              + " has unknown fields: "
              + String.join(", ", unknown)
              + "; the fields are url, account, keyId, insecure, user, roles and actAsAccount");
    }
    Fields f = new Fields();
    String source = "profile '" + name + "' (" + file + ")";
    for (String field : List.of("url", "account", "keyId", "user", "actAsAccount")) {
      JsonNode value = root.get(field);
      if (value != null && !value.isNull()) {
        if (!value.isTextual()) {
          throw new ConfigException(what + ": \"" + field + "\" must be a string");
        }
        if (!field.equals("actAsAccount")) {
          f.put(field, value.asText().strip(), source);
        }
      }
    }
    JsonNode insecure = root.get("insecure");
    if (insecure != null && !insecure.isNull()) {
      if (!insecure.isBoolean()) {
        throw new ConfigException(what + ": \"insecure\" must be true or false");
      }
      f.insecure = insecure.asBoolean();
      f.sources.put("insecure", source);
    }
    f.override(flags, keyFlag);
    List<String> missing = new ArrayList<>();
    for (String[] required :
        List.of(
            new String[] {"url", "--url"},
            new String[] {"account", "--account"},
            new String[] {"keyId", "--key-id"})) {
      if (f.values.get(required[0]) == null) {
        missing.add("\"" + required[0] + "\" (or give " + required[1] + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new ConfigException(what + " lacks " + String.join(", ", missing));
    }
    return f.profile(name);
  }

  /** Reads a JSON file; null when it does not exist. */
  private static JsonNode readJson(Path file, String what) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new ConfigException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new ConfigException(what + " " + file + " is invalid JSON" + where + "; fix it");
    }
  }

  /** A profile's fields as they are gathered, with their sources. */
  private static final class Fields {
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, String> sources = new LinkedHashMap<>();
    boolean insecure;

    void take(String field, EnvValues.Found found) {
      if (found != null) {
        put(field, found.value(), found.variable());
      }
    }

    void put(String field, String value, String source) {
      if (value != null && !value.isBlank()) {
        values.put(field, value.strip());
        sources.put(field, source);
      }
    }

    void override(ServiceFlags flags, String keyFlag) {
      put("url", flags.url(), "--url");
      put("account", flags.login(), "--account");
      put("keyId", flags.key(), keyFlag);
      put("user", flags.subUser(), "--user");
      if (flags.insecure() != null) {
        insecure = flags.insecure();
        sources.put("insecure", "--insecure");
      }
    }

    TritonProfile profile(String name) {
      return new TritonProfile(
          name,
          values.get("url"),
          values.get("account"),
          values.get("keyId"),
          values.get("user"),
          insecure,
          sources);
    }
  }
}
