package org.pastoralflow.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The settings as this node uses them: the {@code @ConfigurationProperties} beans of the features,
 * bound again in place by Spring Boot's {@link Binder} over the environment (application.yml and
 * anything the deployment sets) with the school's saved values in front. Each feature keeps its own
 * settings class and reads it at use; none of them knows the values can change.
 *
 * <p>One instance per node: {@link SchoolSettings#refresh} brings it to the latest saved version.
 */
public class LiveSettings {

    /** A bean to bind again, and the prefix it was bound from ({@code pastoral.attendance}). */
    public record Target(String prefix, Object instance) {
    }

    private static final Bindable<List<String>> TEXTS = Bindable.listOf(String.class);
    @SuppressWarnings("unchecked")
    private static final Bindable<List<Map<String, String>>> ROWS = (Bindable<List<Map<String, String>>>) (Bindable<?>) Bindable.of(
            ResolvableType.forClassWithGenerics(List.class, ResolvableType.forClassWithGenerics(Map.class, String.class, String.class)));

    private final ConfigurableEnvironment environment;
    private final Supplier<List<Target>> targets;
    private volatile int version = -1;

    public LiveSettings(ConfigurableEnvironment environment, List<Target> targets) {
        this(environment, () -> targets);
    }

    /** With the targets found when first needed (the context's beans, once all are made). */
    public LiveSettings(ConfigurableEnvironment environment, Supplier<List<Target>> targets) {
        this.environment = environment;
        this.targets = targets;
    }

    List<Target> targets() {
        return List.copyOf(targets.get());
    }

    /** The version this node has applied; -1 before the first. */
    public int version() {
        return version;
    }

    Binder binder(Map<String, String> overrides) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(new MapConfigurationPropertySource(overrides));
        ConfigurationPropertySources.get(environment).forEach(sources::add);
        return new Binder(sources, new PropertySourcesPlaceholdersResolver(environment), ApplicationConversionService.getSharedInstance());
    }

    /**
     * Each setting of the catalogue as it is with these overrides (an empty map: the defaults), as
     * text: a number as written, a list as its lines, rows as maps of column to text.
     */
    Map<String, Object> values(Map<String, String> overrides) {
        Binder binder = binder(overrides);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : SettingsCatalogue.all()) {
            Object v = switch (s.kind()) {
                case WHOLE, DECIMAL -> binder.bind(s.property(), String.class).orElse(null);
                case TEXT_LIST -> binder.bind(s.property(), TEXTS).orElse(List.of());
                case ROWS -> binder.bind(s.property(), ROWS).orElse(List.of());
            };
            values.put(s.key(), v);
        }
        return values;
    }

    /**
     * Binds a new instance of each target's class with these overrides and lets it check itself, so
     * a value the feature would refuse is found before anything is saved or changed.
     */
    void check(Map<String, String> overrides) {
        Binder binder = binder(overrides);
        for (Target t : targets()) {
            Object fresh = binder.bindOrCreate(t.prefix(), Bindable.of(t.instance().getClass()));
            if (fresh instanceof InitializingBean self) {
                try {
                    self.afterPropertiesSet();
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
        }
    }

    /** Checks, then binds every target again in place: from now on each reader sees these values. */
    synchronized void apply(int number, Map<String, String> overrides) {
        check(overrides);
        Binder binder = binder(overrides);
        for (Target t : targets()) {
            binder.bind(t.prefix(), Bindable.ofInstance(t.instance()));
        }
        version = number;
    }
}
