package org.tritondatacenter.origin.build;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One image's progress in the run record's {@code build} section. Immutable: each change makes a
 * new record, which {@link BuildProgress} saves at once.
 *
 * @param name the image name
 * @param version the image's version: the build's, or for a skipped image the published one's
 * @param spec the spec hash
 * @param origin the origin image UUID
 * @param phase the next thing to do, or how the image ended
 * @param attempt how many times the image was started; a re-run after a failure starts another
 * @param machineId the temporary machine, or null when there is none (yet, or any more)
 * @param machineName the temporary machine's name, or null
 * @param keptMachines machines of failed attempts kept for debugging ({@code keepOnFailure})
 * @param imageId the new image, or for a skipped image the published one; null when none
 * @param pkgs the installed packages the guest reported, {@code name-version} each
 * @param audit the {@code pkg_admin audit} report, or null when no audit ran
 * @param error why the last attempt failed, or null
 */
public record ImageRecord(
    String name,
    String version,
    String spec,
    String origin,
    ImagePhase phase,
    int attempt,
    String machineId,
    String machineName,
    List<String> keptMachines,
    String imageId,
    List<String> pkgs,
    String audit,
    String error) {

  /** Requires the name and normalises absent lists to empty ones. */
  public ImageRecord {
    Objects.requireNonNull(name, "name == null");
    phase = phase == null ? ImagePhase.UNKNOWN : phase;
    keptMachines = keptMachines == null ? List.of() : List.copyOf(keptMachines);
    pkgs = pkgs == null ? List.of() : List.copyOf(pkgs);
  }

  /** Returns the record of an image not started yet. */
  static ImageRecord pending(String name, String version, String spec, String origin) {
    return new ImageRecord(
        name,
        version,
        spec,
        origin,
        ImagePhase.CREATE_MACHINE,
        1,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** Returns the record of an image skipped because {@code publishedUuid} has the same spec. */
  static ImageRecord skipped(
      String name, String version, String spec, String origin, String publishedUuid) {
    return new ImageRecord(
        name,
        version,
        spec,
        origin,
        ImagePhase.SKIPPED,
        0,
        null,
        null,
        null,
        publishedUuid,
        null,
        null,
        null);
  }

  /**
   * Returns true when an image with the same spec was already published, so none is built; the
   * record shows it for people reading it, and reads it back from {@link #phase()}.
   */
  @JsonProperty(value = "skipped", access = JsonProperty.Access.READ_ONLY)
  public boolean skipped() {
    return phase == ImagePhase.SKIPPED;
  }

  /** Returns true when the image is active and its machine is gone: nothing left to do. */
  public boolean finished() {
    return (phase == ImagePhase.DONE && machineId == null) || phase == ImagePhase.SKIPPED;
  }

  ImageRecord withPhase(ImagePhase newPhase) {
    return new ImageRecord(
        name,
        version,
        spec,
        origin,
        newPhase,
        attempt,
        machineId,
        machineName,
        keptMachines,
        imageId,
        pkgs,
        audit,
        error);
  }

  /** Starts another attempt: a fresh machine and image, the last error forgotten. */
  ImageRecord nextAttempt() {
    return new ImageRecord(
        name,
        version,
        spec,
        origin,
        ImagePhase.CREATE_MACHINE,
        attempt + 1,
        null,
        null,
        keptMachines,
        null,
        null,
        null,
        null);
  }

  ImageRecord withMachine(String id, String machine) {
    return new ImageRecord(
        name,
        version,
        spec,
        origin,
        phase,
        attempt,
        id,
        machine,
        keptMachines,
        imageId,
        pkgs,
        audit,
        error);
  }

  /** Forgets the machine, remembering it among the kept ones when {@code kept}. */
  ImageRecord withoutMachine(boolean kept) {
    List<String> keptNow = new ArrayList<>(keptMachines);
    if (kept && machineId != null && !keptNow.contains(machineId)) {
      keptNow.add(machineId);
    }
    return new ImageRecord(
        name, version, spec, origin, phase, attempt, null, null, keptNow, imageId, pkgs, audit,
        error);
  }

  ImageRecord withImage(String id) {
    return new ImageRecord(
        name,
        version,
        spec,
        origin,
        phase,
        attempt,
        machineId,
        machineName,
        keptMachines,
        id,
        pkgs,
        audit,
        error);
  }

  ImageRecord withGuestReport(List<String> installed, String auditReport) {
    return new ImageRecord(
        name,
        version,
        spec,
        origin,
        phase,
        attempt,
        machineId,
        machineName,
        keptMachines,
        imageId,
        installed,
        auditReport,
        error);
  }

  ImageRecord failed(String why) {
    return new ImageRecord(
        name,
        version,
        spec,
        origin,
        ImagePhase.FAILED,
        attempt,
        machineId,
        machineName,
        keptMachines,
        imageId,
        pkgs,
        audit,
        why);
  }
}
