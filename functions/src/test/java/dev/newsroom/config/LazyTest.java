package dev.newsroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class LazyTest {

  @Test
  void of_whenNeverCalled_buildsNothing() {
    AtomicInteger builds = new AtomicInteger();

    IntSupplier port = Lazy.of(IntSupplier.class, () -> {
      builds.incrementAndGet();
      return () -> 7;
    });

    assertThat(port).isNotNull();
    assertThat(builds).hasValue(0);
  }

  @Test
  void of_whenCalledTwice_buildsOnceAndDelegates() {
    AtomicInteger builds = new AtomicInteger();
    IntSupplier port = Lazy.of(IntSupplier.class, () -> {
      builds.incrementAndGet();
      return () -> 7;
    });

    assertThat(port.getAsInt()).isEqualTo(7);
    assertThat(port.getAsInt()).isEqualTo(7);
    assertThat(builds).hasValue(1);
  }

  @Test
  void of_whenTheAdapterThrows_passesItsExceptionThrough() {
    IntSupplier port = Lazy.of(IntSupplier.class, () -> () -> {
      throw new IllegalArgumentException("refused");
    });

    assertThatThrownBy(port::getAsInt).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("refused");
  }
}
