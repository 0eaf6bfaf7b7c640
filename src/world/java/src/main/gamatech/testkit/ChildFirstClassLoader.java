package gamatech.testkit;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads the classes of one Twilio shape jar ahead of the same-named classes already on the path, while everything else
 * (the shared doubles and the test world) still comes from the parent, so both shapes see one world.
 */
public final class ChildFirstClassLoader extends URLClassLoader {
    public ChildFirstClassLoader(URL[] urls, ClassLoader parent) {
        super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInThisJar) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /** The loader of the shared doubles, the parent every shape loader needs. */
    public static ClassLoader sharedLoader() {
        return ChildFirstClassLoader.class.getClassLoader();
    }
}
