package org.commandroom.core.index;

/** One of the seven capabilities (能力), with its weight in the index. */
public record CapabilityDef(String code, String nameZh, String nameEn, double weight) {
}
