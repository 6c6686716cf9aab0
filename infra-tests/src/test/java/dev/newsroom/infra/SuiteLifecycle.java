package dev.newsroom.infra;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Opens and closes the infra suite's shared world around the whole JUnit session, for every
 * engine (Jupiter and jqwik): the log capture starts first; the emulators, started on first use,
 * are stopped last; the counts the issue asks for are printed.
 */
public final class SuiteLifecycle implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    LogCapture.install();
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    try {
      Emulators.closeShared();
    } catch (Exception e) {
      System.err.println("infra suite: stopping the emulators failed: " + e);
    }
    SuiteReport.print();
  }
}
