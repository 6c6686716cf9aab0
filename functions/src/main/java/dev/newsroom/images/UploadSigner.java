package dev.newsroom.images;

import java.time.Duration;

/** Presigns one upload: the storage refuses any other key, size or content type. */
public interface UploadSigner {

  String presignPut(String key, String contentType, long size, Duration validFor);
}
