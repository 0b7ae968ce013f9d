package io.jenkins.plugins.tritonorigin;

import hudson.Extension;
import hudson.ExtensionList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonException;

/**
 * The named CloudAPI, Manta and IMGAPI endpoints the steps use, under Manage Jenkins » System, or
 * {@code unclassified: tritonOrigin:} in Configuration as Code. Each service may have one endpoint
 * marked as its default; a step that names no endpoint uses it, or the only one configured.
 *
 * <p>Every Pipeline on this controller can use these endpoints by name: they are shared
 * infrastructure, like a cloud definition.
 */
@Extension
@Symbol("tritonOrigin")
public class TritonOriginConfiguration extends GlobalConfiguration {
  private List<CloudApiEndpoint> cloudapi = new ArrayList<>();
  private List<MantaEndpoint> manta = new ArrayList<>();
  private List<ImgapiEndpoint> imgapi = new ArrayList<>();

  /** Creates the configuration and loads what was saved. */
  public TritonOriginConfiguration() {
    load();
  }

  /** Returns the one instance. */
  public static TritonOriginConfiguration get() {
    return ExtensionList.lookupSingleton(TritonOriginConfiguration.class);
  }

  public List<CloudApiEndpoint> getCloudapi() {
    return Collections.unmodifiableList(cloudapi);
  }

  /** Replaces the CloudAPI endpoints. */
  @DataBoundSetter
  public void setCloudapi(List<CloudApiEndpoint> endpoints) {
    this.cloudapi = endpoints == null ? new ArrayList<>() : new ArrayList<>(endpoints);
    save();
  }

  public List<MantaEndpoint> getManta() {
    return Collections.unmodifiableList(manta);
  }

  /** Replaces the Manta endpoints. */
  @DataBoundSetter
  public void setManta(List<MantaEndpoint> endpoints) {
    this.manta = endpoints == null ? new ArrayList<>() : new ArrayList<>(endpoints);
    save();
  }

  public List<ImgapiEndpoint> getImgapi() {
    return Collections.unmodifiableList(imgapi);
  }

  /** Replaces the IMGAPI endpoints. */
  @DataBoundSetter
  public void setImgapi(List<ImgapiEndpoint> endpoints) {
    this.imgapi = endpoints == null ? new ArrayList<>() : new ArrayList<>(endpoints);
    save();
  }

  @Override
  public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
    // A list whose last entry was deleted is absent from the submitted form, so its setter is
    // never called; start from empty lists so the deletion sticks.
    cloudapi = new ArrayList<>();
    manta = new ArrayList<>();
    imgapi = new ArrayList<>();
    req.bindJSON(this, json);
    for (Service service : Service.values()) {
      String problem = problem(service);
      if (problem != null) {
        throw new FormException(problem, parameterName(service));
      }
    }
    save();
    return true;
  }

  /**
   * Finds the endpoint a step asked for.
   *
   * @param name the endpoint name the step gave, or null for the service's default
   * @throws TritonException saying what is missing or ambiguous and where to fix it
   */
  TritonEndpoint<?> find(Service service, String name) {
    List<? extends TritonEndpoint<?>> all = endpoints(service);
    String kind = service.displayName();
    if (name != null) {
      List<? extends TritonEndpoint<?>> named =
          all.stream().filter(e -> name.equals(e.getName())).toList();
      if (named.size() == 1) {
        return named.get(0);
      }
      throw new TritonException(
          named.isEmpty()
              ? "no "
                  + kind
                  + " endpoint is named '"
                  + name
                  + "' (configured: "
                  + names(all)
                  + "); add it under "
                  + WHERE
                  + ", or fix the step's "
                  + parameterName(service)
                  + " argument"
              : "several "
                  + kind
                  + " endpoints are named '"
                  + name
                  + "'; rename them under "
                  + WHERE);
    }
    String problem = problem(service);
    if (problem != null) {
      throw new TritonException(problem);
    }
    List<? extends TritonEndpoint<?>> defaults =
        all.stream().filter(TritonEndpoint::isDefaultEndpoint).toList();
    if (defaults.size() == 1) {
      return defaults.get(0);
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    if (all.isEmpty()) {
      throw new TritonException("no " + kind + " endpoint is configured; add one under " + WHERE);
    }
    throw new TritonException(
        "several "
            + kind
            + " endpoints are configured ("
            + names(all)
            + ") and none is marked as the default; mark one under "
            + WHERE
            + ", or name one with the step's "
            + parameterName(service)
            + " argument");
  }

  /** Returns the base URL of the endpoint a step used, for links; empty when there is none. */
  Optional<String> url(Service service, String name) {
    try {
      return Optional.ofNullable(find(service, name).getUrl());
    } catch (TritonException e) {
      return Optional.empty();
    }
  }

  private static final String WHERE = "Manage Jenkins » System » Triton origin images";

  private String problem(Service service) {
    List<? extends TritonEndpoint<?>> all = endpoints(service);
    List<String> defaults =
        all.stream().filter(TritonEndpoint::isDefaultEndpoint).map(e -> e.getName()).toList();
    if (defaults.size() > 1) {
      return service.displayName()
          + " endpoints "
          + String.join(", ", defaults)
          + " are all marked as the default; mark only one";
    }
    return null;
  }

  private List<? extends TritonEndpoint<?>> endpoints(Service service) {
    return switch (service) {
      case CLOUDAPI -> cloudapi;
      case MANTA -> manta;
      case IMGAPI -> imgapi;
    };
  }

  /** Returns the step parameter that names an endpoint of {@code service}. */
  static String parameterName(Service service) {
    return switch (service) {
      case CLOUDAPI -> "cloudapi";
      case MANTA -> "manta";
      case IMGAPI -> "imgapi";
    };
  }

  private static String names(List<? extends TritonEndpoint<?>> all) {
    return all.isEmpty()
        ? "none"
        : all.stream().map(e -> String.valueOf(e.getName())).collect(Collectors.joining(", "));
  }
}
