package dev.newsroom.images;

/** Where an upload stands. Processing is a claim: one worker at a time, per image. */
public enum ImageStatus {
  PENDING, PROCESSING, READY, REFUSED
}
