package dev.pipestore.metrics;

import dev.pipestore.catalog.Catalog;
import io.micrometer.core.instrument.Tags;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A catalog whose every repository call is timed by operation ({@code audio_files.insert},
 * {@code transcriptions.find}, ...), backend and outcome.
 *
 * <p>Dynamic proxies over the port's interfaces rather than hand-written forwarding classes: the catalog port has
 * dozens of methods and grows often, and a proxy meters a new method the day it is added. The proxy implements every
 * interface the adapter does, so optional abilities such as {@link dev.pipestore.catalog.StorageUsage} stay visible.
 */
public final class MeteredCatalog {

    static final String OPERATIONS = "pipestore.catalog.operations";
    private static final String DESCRIPTION = "Catalog calls by operation, backend and outcome";
    private static final String REPOSITORY_PACKAGE = Catalog.class.getPackageName();
    /** Calls that do no database work worth timing. */
    private static final Set<String> UNTIMED = Set.of("describe", "close");

    private MeteredCatalog() {}

    /** @param backend the {@code backend} tag: {@code postgresql}, {@code mariadb}, {@code mysql} or {@code sqlite} */
    public static Catalog of(Catalog delegate, String backend, StoreMeters meters) {
        return (Catalog) meter(delegate, "catalog", Tags.of("backend", backend), meters);
    }

    private static Object meter(Object delegate, String repository, Tags tags, StoreMeters meters) {
        Class<?>[] interfaces = interfacesOf(delegate.getClass());
        Map<Method, Object> calls = new HashMap<>();
        for (Class<?> type : interfaces) {
            for (Method method : type.getMethods()) {
                if (Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                calls.putIfAbsent(method, call(delegate, method, repository, tags, meters));
            }
        }
        return Proxy.newProxyInstance(Catalog.class.getClassLoader(), interfaces, new Handler(delegate, calls));
    }

    /** What a proxy does for {@code method}: the sub-repository's own proxy, a timer, or nothing (plain forwarding). */
    private static Object call(Object delegate, Method method, String repository, Tags tags, StoreMeters meters) {
        if (isRepository(method)) {
            Object sub = invoke(delegate, method, null);
            return sub == null ? Plain.INSTANCE
                    : new Repository(meter(sub, snakeCase(method.getReturnType().getSimpleName()), tags, meters));
        }
        if (UNTIMED.contains(method.getName())) {
            return Plain.INSTANCE;
        }
        String operation = repository + "." + snakeCase(method.getName());
        return new OperationTimer(meters, OPERATIONS, DESCRIPTION, tags.and("operation", operation), false, false);
    }

    /** An accessor such as {@code audioFiles()}: no parameters, returning another interface of the catalog port. */
    private static boolean isRepository(Method method) {
        Class<?> type = method.getReturnType();
        return method.getParameterCount() == 0 && type.isInterface() && type.getPackageName().equals(REPOSITORY_PACKAGE);
    }

    private static Class<?>[] interfacesOf(Class<?> type) {
        Set<Class<?>> all = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (Modifier.isPublic(i.getModifiers())) {
                    all.add(i);
                }
            }
        }
        return all.toArray(Class<?>[]::new);
    }

    static String snakeCase(String camel) {
        StringBuilder snake = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }

    private static Object invoke(Object target, Method method, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UndeclaredThrowableException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method + " on " + target.getClass().getName(), e);
        }
    }

    private enum Plain {
        INSTANCE
    }

    private record Repository(Object proxy) {}

    private record Handler(Object delegate, Map<Method, Object> calls) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            Object call = calls.get(method);
            if (call instanceof OperationTimer timer) {
                long start = System.nanoTime();
                try {
                    return timer.succeeded(start, MeteredCatalog.invoke(delegate, method, args));
                } catch (RuntimeException | Error e) {
                    timer.failure(start, e);
                    throw e;
                }
            }
            if (call instanceof Repository repository) {
                return repository.proxy();
            }
            return switch (method.getName()) {
                case "equals" -> args != null && args.length == 1 && proxy == args[0] && method.getParameterCount() == 1;
                case "hashCode" -> method.getParameterCount() == 0 ? System.identityHashCode(proxy) : forward(method, args);
                case "toString" -> method.getParameterCount() == 0 ? "Metered[" + delegate + "]" : forward(method, args);
                default -> forward(method, args);
            };
        }

        private Object forward(Method method, Object[] args) {
            return MeteredCatalog.invoke(delegate, method, args);
        }
    }
}
