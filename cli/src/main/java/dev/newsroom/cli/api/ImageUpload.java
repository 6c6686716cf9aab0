package dev.newsroom.cli.api;

import java.util.Map;

/** The answer to {@code POST /api/admin/images}: where to PUT the bytes, and with which headers. */
public record ImageUpload(String id, String uploadUrl, Map<String, String> uploadHeaders) {}
