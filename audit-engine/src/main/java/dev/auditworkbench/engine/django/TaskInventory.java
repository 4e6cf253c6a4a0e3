package dev.auditworkbench.engine.django;

import dev.auditworkbench.engine.repo.ModuleFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Background tasks (by their decorators) and signal receivers. */
final class TaskInventory {
  private final PythonNames py;

  TaskInventory(PythonNames py) {
    this.py = py;
  }

  List<DjangoInventory.Named> decorated(Set<String> decorators, String detail) {
    List<DjangoInventory.Named> out = new ArrayList<>();
    for (ModuleFacts m : py.byModule().values()) {
      for (ModuleFacts.FunctionDef f : m.functions()) {
        for (String d : f.decorators()) {
          String bare = d.contains("(") ? d.substring(0, d.indexOf('(')) : d;
          if (decorators.contains(bare)) {
            out.add(
                new DjangoInventory.Named(
                    m.module() + "." + f.qualname(), m.path(), f.line(), detail));
          }
        }
      }
    }
    return out;
  }

  List<DjangoInventory.Named> receivers() {
    List<DjangoInventory.Named> out = new ArrayList<>();
    for (ModuleFacts m : py.byModule().values()) {
      for (ModuleFacts.FunctionDef f : m.functions()) {
        for (String d : f.decorators()) {
          if (d.startsWith("receiver(") || d.startsWith("dispatch.receiver(")) {
            out.add(
                new DjangoInventory.Named(m.module() + "." + f.qualname(), m.path(), f.line(), d));
          }
        }
      }
      for (ModuleFacts.CallRef call : m.calls()) {
        if (call.callee().endsWith(".connect")
            && !call.args().isEmpty()
            && isSignal(
                m, call.callee().substring(0, call.callee().length() - ".connect".length()))) {
          out.add(
              new DjangoInventory.Named(
                  py.qualify(m.module(), call.args().get(0)),
                  m.path(),
                  call.line(),
                  call.callee()));
        }
      }
    }
    return out;
  }

  /**
   * Whether {@code expr.connect(...)} connects to a Django signal: one of django.db.models.signals,
   * django.core.signals, django.test.signals or django.contrib.auth.signals, or a project's own
   * Signal() (sqlite3.connect, a socket or a Qt signal are not).
   */
  private boolean isSignal(ModuleFacts m, String expr) {
    String q = py.canonical(py.qualify(m.module(), expr));
    if (q.startsWith("django.") && q.contains("signals")) {
      return true;
    }
    int dot = q.lastIndexOf('.');
    ModuleFacts where = dot < 0 ? m : py.byModule().get(q.substring(0, dot));
    String var = dot < 0 ? q : q.substring(dot + 1);
    if (where == null) {
      return false;
    }
    return where.assignments().stream()
        .anyMatch(
            a ->
                a.target().equals(var)
                    && a.value().replaceAll("\\s", "").matches("(\\w+\\.)*Signal\\(.*"));
  }
}
