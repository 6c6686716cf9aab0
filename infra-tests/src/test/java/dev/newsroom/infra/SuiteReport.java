package dev.newsroom.infra;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The figures the suite reports: cases generated, faults injected, vectors tried, load. */
public final class SuiteReport {

  private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
  private static final Map<String, String> FIGURES = new ConcurrentHashMap<>();

  private SuiteReport() {}

  public static void count(String name, long n) {
    COUNTS.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(n);
  }

  public static void figure(String name, String value) {
    FIGURES.put(name, value);
  }

  static void print() {
    if (COUNTS.isEmpty() && FIGURES.isEmpty() && FaultProxy.faultsInjected() == 0) {
      return;
    }
    StringBuilder out = new StringBuilder("\n=== hardening report ===\n");
    new TreeMap<>(COUNTS).forEach((k, v) -> out.append(String.format("%-40s %d%n", k, v.get())));
    out.append(String.format("%-40s %d%n", "faults injected (proxy answers)",
        FaultProxy.faultsInjected()));
    out.append(String.format("%-40s %d%n", "log lines checked", LogCapture.linesSeen()));
    new TreeMap<>(FIGURES).forEach((k, v) -> out.append(String.format("%-40s %s%n", k, v)));
    System.out.print(out);
  }
}
