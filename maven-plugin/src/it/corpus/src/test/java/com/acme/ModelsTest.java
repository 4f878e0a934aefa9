package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.testing.ModelChecks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Gradients, tangents and Hessian-vector products with respect to model objects (lists of layers
 * with final fields and nested objects, records in lists, lists of arrays, lists of blocks of
 * layers, meshes of vertices, tied weights), their classes as the transform-tests goal transformed
 * them; no agent in this JVM.
 */
class ModelsTest {
    private final ModelChecks checks = new ModelChecks(ModelsTest.class.getClassLoader());

    ModelsTest() throws Exception {
    }

    @Test
    void aListOfLayersWithFinalFieldsAndBiasObjects() throws Exception {
        checks.listOfLayersWithFinalFieldsAndBiasObjects();
    }

    @Test
    void aGradientObjectGivenReceivesTheFinalGainsOfItsLayers() throws Exception {
        checks.gradientObjectGivenReceivesFinalGains();
    }

    @Test
    void recordsInListsArraysAndRecords() throws Exception {
        checks.recordsInListsArraysAndRecords();
    }

    @Test
    void listsOfWeightMatricesAndBiasVectors() throws Exception {
        checks.listsOfWeightMatricesAndBiasVectors();
    }

    @Test
    void aListOfBlocksEachHoldingAListOfLayers() throws Exception {
        checks.listOfBlocksEachAListOfLayers();
    }

    @Test
    void anArrayOfMeshesOfVertexArraysAndAListOfGroupsOfMeshes() throws Exception {
        checks.meshesOfVerticesAndGroupsOfMeshes();
    }

    @Test
    void anAutoencoderWithTiedWeights() throws Exception {
        checks.tiedWeights();
    }

    @Test
    void layersSharingABiasArrayAndATemperatureObject() throws Exception {
        checks.sharedBiasAndSharedScalarObject();
    }

    @Test
    void theModelsAreTheTransformedCopies() throws Exception {
        Path origin = Path.of(checks.callsClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(Path.of("target/test-classes").toAbsolutePath(), origin);
    }
}
