package dev.newsroom.images;

/** An upload that will not be published; the message is the reason the editor sees. */
public final class ImageRefusedException extends Exception {

  ImageRefusedException(String reason) {
    super(reason, null, false, false);
  }
}
