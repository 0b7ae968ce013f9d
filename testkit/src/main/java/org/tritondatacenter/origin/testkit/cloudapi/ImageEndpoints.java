package org.tritondatacenter.origin.testkit.cloudapi;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.testkit.http.ApiError;

/**
 * ListImages, GetImage, DeleteImage and the dispatch of {@code POST /:login/images[/:id]} to
 * CreateImageFromMachine and ExportImage.
 */
final class ImageEndpoints {
  private final CloudState state;
  private final CreateImageFromMachine create;
  private final ExportImage export;

  ImageEndpoints(CloudState state, CreateImageFromMachine create, ExportImage export) {
    this.state = state;
    this.create = create;
    this.export = export;
  }

  void register(CloudRoutes routes) {
    routes
        .route("GET", "/:login/images", "ListImages", this::list)
        .route("GET", "/:login/images/:id", "GetImage", this::get)
        .route("DELETE", "/:login/images/:id", "DeleteImage", this::delete)
        .route(
            "POST",
            "/:login/images",
            e -> Params.action(e) == null ? "CreateImageFromMachine" : "ImportImageFromDatacenter",
            this::postImages)
        .route(
            "POST",
            "/:login/images/:id",
            e -> "export".equals(Params.action(e)) ? "ExportImage" : "UpdateImage",
            this::postImage);
  }

  private void list(Call call) {
    String account = CloudApiSimulator.accountUuid(call.login());
    Params p = call.params();
    String wantedState = p.string("state") == null ? "active" : p.string("state");
    String type = p.string("type");
    List<Map<String, Object>> out = new ArrayList<>();
    for (SimImage image : state.images()) {
      if (!image.visibleTo(account)) {
        continue;
      }
      Map<String, Object> m = image.manifest(call.now());
      boolean keep =
          (wantedState.equals("all") || wantedState.equals(m.get("state")))
              && (type != null ? type.equals(m.get("type")) : !"docker".equals(m.get("type")))
              && matches(p.string("name"), m.get("name"))
              && matches(p.string("version"), m.get("version"))
              && exact(p.string("os"), m.get("os"))
              && exact(p.string("owner"), m.get("owner"))
              && exact(p.string("public"), m.get("public"));
      if (keep) {
        out.add(image.cloudView(call.now(), call.version()));
      }
    }
    call.send(200, out);
  }

  /** IMGAPI's filter syntax, which CloudAPI passes through: {@code ~text} is a substring match. */
  private static boolean matches(String wanted, Object actual) {
    if (wanted == null) {
      return true;
    }
    if (actual == null) {
      return false;
    }
    return wanted.startsWith("~")
        ? actual.toString().contains(wanted.substring(1))
        : wanted.equals(actual.toString());
  }

  private static boolean exact(String wanted, Object actual) {
    return wanted == null || (actual != null && wanted.equals(actual.toString()));
  }

  private void get(Call call) {
    call.send(200, visible(call, call.pathParam("id")).cloudView(call.now(), call.version()));
  }

  private void delete(Call call) throws IOException {
    SimImage image = owned(call, call.pathParam("id"));
    List<String> dependents = state.dependents(image.id());
    if (!dependents.isEmpty()) {
      throw ApiError.unprocessable(
          "ImageHasDependentImages",
          "image "
              + image.id()
              + " cannot be deleted: images "
              + String.join(", ", dependents)
              + " use it as their origin");
    }
    state.removeImage(image.id());
    if (image.file() != null) {
      Files.deleteIfExists(image.file().path());
    }
    call.exchange().sendEmpty(204);
  }

  private void postImages(Call call) {
    String action = call.params().string("action");
    if (action != null) {
      throw ApiError.conflict(
          "InvalidArgument",
          "action " + action + " is not supported; POST without action creates an image");
    }
    create.handle(call);
  }

  private void postImage(Call call) throws IOException {
    String action = call.params().string("action");
    if (action == null) {
      throw ApiError.conflict("MissingParameter", "action is a required parameter");
    }
    if (!action.equals("export")) {
      throw ApiError.conflict(
          "InvalidArgument", "action " + action + " is not supported; use action=export");
    }
    export.handle(call, owned(call, call.pathParam("id")));
  }

  /** Returns an image the caller can see, or throws 404 ResourceNotFound. */
  SimImage visible(Call call, String id) {
    SimImage image = state.image(id);
    if (image == null || !image.visibleTo(CloudApiSimulator.accountUuid(call.login()))) {
      throw ApiError.notFound("ResourceNotFound", "image " + id + " not found");
    }
    return image;
  }

  /** Returns an image the caller owns, or throws 404 or 422 NotImageOwner. */
  private SimImage owned(Call call, String id) {
    SimImage image = visible(call, id);
    if (!CloudApiSimulator.accountUuid(call.login()).equals(image.owner())) {
      throw ApiError.unprocessable(
          "NotImageOwner", "account " + call.login() + " does not own image " + id);
    }
    return image;
  }
}
