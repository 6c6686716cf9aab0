package dev.newsroom.bench;

/** The floor: the cheapest Java program there is, started with the same JVM flags. */
public final class Hello {

  private Hello() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
