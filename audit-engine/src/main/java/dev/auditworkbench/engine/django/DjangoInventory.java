package dev.auditworkbench.engine.django;

import java.util.List;
import java.util.Map;

/** What a Django codebase is made of, as read statically from its source. */
public record DjangoInventory(
    List<App> apps,
    List<Model> models,
    List<View> views,
    List<Route> routes,
    List<String> templates,
    Map<String, List<String>> migrations,
    List<Named> commands,
    List<Named> tasks,
    List<Named> receivers,
    List<Test> tests,
    List<String> settingsModules,
    List<Named> serializers) {

  public DjangoInventory {
    serializers =
        serializers == null ? List.of() : serializers; // scans stored before serializers were read
  }

  /** An installed app; {@code local} when its code is in the repository. */
  public record App(String name, String label, boolean local, String path) {}

  /** A model class: {@code qualname} is module.Class. */
  public record Model(
      String qualname,
      String path,
      int line,
      String dbTable,
      boolean abstractModel,
      List<Field> fields,
      List<String> indexes,
      List<String> managers) {
    /** The table Django gives it: Meta.db_table, else app_label + "_" + lower-case class name. */
    public String table() {
      return dbTable;
    }
  }

  /** A model field; {@code target} is the related model for relations (as written). */
  public record Field(
      String name,
      String type,
      String target,
      int line,
      boolean inherited,
      Map<String, String> options) {
    public boolean isRelation() {
      return target != null;
    }
  }

  /** A view: function or class, with the module-qualified name. */
  public record View(String qualname, String path, int line, String kind) {}

  /** A URL route: the full pattern (includes resolved) and the view it calls. */
  public record Route(
      String pattern, String view, String name, String path, int line, String kind) {}

  /** A named thing at a place (command, task, receiver). */
  public record Named(String name, String path, int line, String detail) {}

  /** A test function or method; {@code skipReason} is null when it runs. */
  public record Test(String qualname, String path, int line, String skipReason) {
    public boolean skipped() {
      return skipReason != null;
    }
  }
}
