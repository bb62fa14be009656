/**
 * The RFM function: the nightly run, fanned out over scan segments. The parts a segment stores for
 * the run's later phases are JSON documents whose adapters avaje-jsonb generates at compile time.
 */
@Json.Import({TallyPart.class, ScorePart.class, ModelPart.class})
package com.mplifecycle.functions.rfm;

import io.avaje.jsonb.Json;
