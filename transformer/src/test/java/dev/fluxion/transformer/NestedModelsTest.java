package dev.fluxion.transformer;

import dev.fluxion.testing.ModelChecks;
import org.junit.jupiter.api.Test;

/**
 * Gradients, tangents and Hessian-vector products with respect to models whose lists and arrays
 * hold objects with final fields and objects of their own, or floating arrays, transformed
 * in-process ({@link ModelChecks} says what is checked; the Maven plugin's {@code models} build
 * runs the same checks on classes it transformed).
 */
class NestedModelsTest {
    private static ModelChecks checks() throws Exception {
        return new ModelChecks(ModelGradientTest.LOADER);
    }

    @Test
    void aListOfLayersWithFinalFieldsAndBiasObjects() throws Exception {
        checks().listOfLayersWithFinalFieldsAndBiasObjects();
    }

    @Test
    void aGradientObjectGivenReceivesTheFinalGainsOfItsLayers() throws Exception {
        checks().gradientObjectGivenReceivesFinalGains();
    }

    @Test
    void aListOfRecordsHoldingRecordsAnArrayOfRecordsAndARecordHoldingARecord() throws Exception {
        checks().recordsInListsArraysAndRecords();
    }

    @Test
    void listsOfWeightMatricesAndOfBiasVectors() throws Exception {
        checks().listsOfWeightMatricesAndBiasVectors();
    }

    @Test
    void aListOfBlocksEachHoldingAListOfLayers() throws Exception {
        checks().listOfBlocksEachAListOfLayers();
    }

    @Test
    void anArrayOfMeshesOfVertexArraysAndAListOfGroupsOfMeshes() throws Exception {
        checks().meshesOfVerticesAndGroupsOfMeshes();
    }

    @Test
    void anAutoencoderWithTiedWeights() throws Exception {
        checks().tiedWeights();
    }

    @Test
    void layersSharingABiasArrayAndATemperatureObject() throws Exception {
        checks().sharedBiasAndSharedScalarObject();
    }
}
