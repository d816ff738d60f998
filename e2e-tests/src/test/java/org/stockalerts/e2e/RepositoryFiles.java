package org.stockalerts.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of this repository, for the tests that hold its build, compose and workflow files together. */
final class RepositoryFiles {

    /** The repository's root: the tests run in e2e-tests/. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private RepositoryFiles() {}

    /** The text of a file, by its path relative to the repository's root. */
    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + ROOT.resolve(relative), e);
        }
    }
}
