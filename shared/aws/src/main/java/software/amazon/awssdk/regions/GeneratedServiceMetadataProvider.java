package software.amazon.awssdk.regions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces the AWS SDK's generated class of the same name (SDK 2.35.0), whose static initialiser
 * instantiates the metadata of all 318 services (loading and initialising as many classes) on the
 * first client build, because every client builder asks {@code ServiceMetadata.of(prefix)} for its
 * signing region: about 200 ms of CPU at cold start, for one entry. This one loads the entry asked
 * for, on demand, by the SDK's class naming rule ({@code access-analyzer} →
 * {@code AccessAnalyzerServiceMetadata}); answers are the same objects the SDK's map would hold, and
 * null (the SDK then uses its {@code DefaultServiceMetadata}) for a prefix without a class, as before.
 *
 * <p>Upstream removed the lookup from client creation (aws/aws-sdk-java-v2#7161, after 2.35.0); delete
 * this class when the project moves to such a version. The shade configuration in the parent pom
 * drops the SDK's copy from the deployable jars, so this one is the only one there.
 */
public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {
    private static final String PACKAGE = "software.amazon.awssdk.regions.servicemetadata.";
    /** The one prefix whose class does not follow the naming rule. */
    private static final Map<String, String> EXCEPTIONS = Map.of("s3", "EnhancedS3ServiceMetadata");
    private static final Map<String, ServiceMetadata> LOADED = new ConcurrentHashMap<>();

    @Override
    public ServiceMetadata serviceMetadata(String endpointPrefix) {
        if (endpointPrefix == null) {
            return null;
        }
        ServiceMetadata loaded = LOADED.get(endpointPrefix);
        if (loaded != null) {
            return loaded;
        }
        ServiceMetadata created = create(endpointPrefix);
        if (created == null) {
            return null;
        }
        ServiceMetadata raced = LOADED.putIfAbsent(endpointPrefix, created);
        return raced == null ? created : raced;
    }

    static String className(String endpointPrefix) {
        String exception = EXCEPTIONS.get(endpointPrefix);
        if (exception != null) {
            return PACKAGE + exception;
        }
        StringBuilder name = new StringBuilder(PACKAGE);
        for (String part : endpointPrefix.split("[-.]")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return name.append("ServiceMetadata").toString();
    }

    private static ServiceMetadata create(String endpointPrefix) {
        try {
            Class<?> type = Class.forName(className(endpointPrefix), true,
                    GeneratedServiceMetadataProvider.class.getClassLoader());
            return ServiceMetadata.class.isAssignableFrom(type)
                    ? (ServiceMetadata) type.getDeclaredConstructor().newInstance() : null;
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("service metadata of " + endpointPrefix + " could not be created", e);
        }
    }
}
