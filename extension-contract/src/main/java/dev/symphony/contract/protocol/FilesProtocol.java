package dev.symphony.contract.protocol;

import java.util.List;

/** Brokered file access ({@code HostFiles} ↔ {@code KernelFiles}); paths are absolute after expansion. */
public final class FilesProtocol {
    private FilesProtocol() {
    }

    public record Read(String path) {
    }

    public record ReadResult(String text) {
    }

    public record Write(String path, String text) {
    }

    public record ListDir(String path) {
    }

    public record Listing(List<String> names) {
    }
}
