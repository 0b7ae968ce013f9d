package org.tritondatacenter.origin.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.steps.ParamType;
import org.tritondatacenter.origin.steps.Step;
import org.tritondatacenter.origin.steps.StepParameter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Turns step-contract parameters into options, so the command line's names can never drift from the
 * contract: {@code fromChannel} is {@code --from-channel}, {@code dryRun} is {@code --dry-run}.
 * Values are handed to core under the contract's names, unconverted, so core's validation and
 * messages apply; {@link #rewrite} then puts the flag names back into those messages.
 */
final class ContractOptions {
  private static final Pattern QUOTED = Pattern.compile("'([A-Za-z]+)'");

  private final Step step;
  private final Map<String, OptionSpec> options = new LinkedHashMap<>();
  private final Map<String, String> otherNames = new LinkedHashMap<>();

  private ContractOptions(Step step) {
    this.step = step;
  }

  /**
   * Adds an option for each named parameter of {@code step} to {@code spec}.
   *
   * @param descriptions replaces the default text of some parameters, for commands whose default
   *     differs from the step's (as release's channels do)
   */
  static ContractOptions add(
      CommandSpec spec, Step step, Collection<String> names, Map<String, String> descriptions) {
    ContractOptions contract = new ContractOptions(step);
    for (String name : names) {
      StepParameter p =
          step.parameter(name)
              .orElseThrow(() -> new IllegalArgumentException(step + " has no " + name));
      OptionSpec option = option(p, descriptions.get(name));
      spec.addOption(option);
      contract.options.put(name, option);
    }
    return contract;
  }

  /** Names a parameter that is not an option, such as {@code build}, for {@link #rewrite}. */
  ContractOptions describe(String name, String words) {
    otherNames.put(name, words);
    return this;
  }

  /** Returns the flag for a contract name: {@code fromChannel} becomes {@code --from-channel}. */
  static String flag(String name) {
    return "--" + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** Returns true when the user gave the option for {@code name}. */
  boolean given(ParseResult parsed, String name) {
    OptionSpec option = options.get(name);
    return option != null && parsed.hasMatchedOption(option);
  }

  /** Returns the options given, under the contract's names, with the values as typed. */
  Map<String, Object> values(ParseResult parsed) {
    Map<String, Object> values = new LinkedHashMap<>();
    options.forEach(
        (name, option) -> {
          if (parsed.hasMatchedOption(option)) {
            Object value = option.getValue();
            if (value != null) {
              values.put(name, value);
            }
          }
        });
    return values;
  }

  /** Replaces {@code 'fromChannel'} with {@code --from-channel} in a message from core. */
  String rewrite(String message) {
    if (message == null) {
      return null;
    }
    String text =
        message.startsWith(step.functionName() + ": ")
            ? message.substring(step.functionName().length() + 2)
            : message;
    Matcher m = QUOTED.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String replacement =
          options.containsKey(name) ? flag(name) : otherNames.getOrDefault(name, m.group());
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static OptionSpec option(StepParameter p, String defaultText) {
    String text = defaultText != null ? defaultText : p.defaultText();
    boolean required = p.required() && defaultText == null;
    List<String> description = new ArrayList<>();
    description.add(
        p.description()
            + (required ? " Required." : text.equals("none") ? "" : " Default: " + text + "."));
    if (!p.choices().isEmpty()) {
      description.add("One of: " + String.join(", ", p.choices()) + ".");
    }
    OptionSpec.Builder b =
        OptionSpec.builder(flag(p.name())).description(description.toArray(String[]::new));
    switch (p.type().kind()) {
      case BOOLEAN -> b.type(Boolean.class).arity("0..1").paramLabel("BOOL");
      case LIST ->
          b.type(List.class)
              .auxiliaryTypes(String.class)
              .splitRegex(",")
              .splitRegexSynopsisLabel(",")
              .paramLabel(label(p.type()));
      default -> b.type(String.class).paramLabel(label(p.type()));
    }
    return b.build();
  }

  private static String label(ParamType type) {
    return switch (type) {
      case CHANNEL, CHANNEL_LIST -> "CHANNEL";
      case UUID_LIST -> "UUID";
      case NAME_LIST -> "NAME";
      case MANTA_PATH -> "MANTA_PATH";
      case PATH -> "PATH";
      case ENDPOINT -> "ENDPOINT";
      case INTEGER -> "N";
      case VERSION -> "VERSION";
      case TIMESTAMP -> "YYYYMMDDTHHMMSSZ";
      case GIT_COMMIT -> "SHA";
      case CHOICE -> "CHOICE";
      case STRING -> "TEXT";
      default -> "VALUE";
    };
  }
}
