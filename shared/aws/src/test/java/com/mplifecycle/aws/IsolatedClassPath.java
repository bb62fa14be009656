package com.mplifecycle.aws;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The test class path in a class loader of its own (parent: the platform loader), so that a test
 * can see which classes a call loads: what a fresh Lambda JVM would load for it.
 */
public final class IsolatedClassPath extends URLClassLoader {
    public IsolatedClassPath() {
        super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    /** Whether this loader has loaded the class (as its defining loader). */
    public boolean hasLoaded(String className) {
        return findLoadedClass(className) != null;
    }

    private static URL[] classPath() {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            try {
                urls[i] = Path.of(entries[i]).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(entries[i], e);
            }
        }
        return urls;
    }
}
