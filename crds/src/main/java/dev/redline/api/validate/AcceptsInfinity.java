package dev.redline.api.validate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A number field where {@code inf} means "no limit" (a file or flag may say it; a CR cannot, JSON has no
 * infinity). {@link SchemaBounds} lets +infinity past the field's {@code @Max}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface AcceptsInfinity {
}
