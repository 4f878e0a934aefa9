package dev.fluxion.transformer.derivatives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.transformer.ir.MemberRef;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Where the registry puts derivatives, and which variants it asks the class generator for. */
class DerivativeRequestsTest {
    private static final String OWNER = "p/Model";
    /** {@code static double loss(double[] w, double[] data, double scale)}: w, data and scale have derivatives. */
    private static final MemberRef LOSS = new MemberRef(OWNER, "loss", "([D[DD)D");
    /** {@code double energy(double x)}, an instance method. */
    private static final MemberRef ENERGY = new MemberRef(OWNER, "energy", "(D)D");

    private static DerivativeRequests registry() {
        ClassNode node = new ClassNode();
        node.name = OWNER;
        node.methods.add(new MethodNode(Opcodes.ACC_STATIC, LOSS.name(), LOSS.descriptor(), null, null));
        node.methods.add(new MethodNode(0, ENERGY.name(), ENERGY.descriptor(), null, null));
        return new DerivativeRequests(node, m -> m.owner().equals(OWNER));
    }

    @Test
    void everyParameterActiveIsTheGeneralAdjoint() {
        DerivativeRequests r = registry();
        MemberRef adjoint = r.member(DerivativeRequest.adjoint(LOSS, LOSS.descriptor(), Set.of(0, 1, 2)));
        assertEquals(new MemberRef(OWNER, "fluxion$adjoint$loss", "([D[DD[D[DDLdev/fluxion/internal/Tape;)D"), adjoint);
        assertEquals(List.of(), r.takeVariants());
    }

    @Test
    void dataAmongTheArgumentsAsksForOneVariantPerActivity() {
        DerivativeRequests r = registry();
        DerivativeRequest onlyWeights = DerivativeRequest.adjoint(LOSS, LOSS.descriptor(), Set.of(0));
        MemberRef variant = r.member(onlyWeights);
        assertEquals("fluxion$adjoint$loss$0", variant.name());
        assertEquals(r.member(DerivativeRequest.adjoint(LOSS, LOSS.descriptor())).descriptor(), variant.descriptor());
        assertSame(variant, r.member(onlyWeights)); // cached
        assertEquals("fluxion$adjoint$loss$0_2", r.member(DerivativeRequest.adjoint(LOSS, LOSS.descriptor(), Set.of(2, 0))).name());
        List<DerivativeRequests.Variant> variants = r.takeVariants();
        assertEquals(List.of("fluxion$adjoint$loss$0", "fluxion$adjoint$loss$0_2"),
                variants.stream().map(DerivativeRequests.Variant::name).toList());
        assertEquals(Set.of(0, 2), variants.get(1).inputs());
        assertEquals(List.of(), r.takeVariants()); // each variant is generated once
    }

    @Test
    void instanceMethodsAndOtherClassesKeepTheirGeneralAdjoint() {
        DerivativeRequests r = registry();
        String energy = "(Lp/Model;D)D";
        assertEquals("fluxion$adjoint$energy", r.member(DerivativeRequest.adjoint(ENERGY, energy, Set.of())).name());
        MemberRef elsewhere = new MemberRef("p/Other", "loss", LOSS.descriptor());
        assertEquals("fluxion$adjoint$loss", r.member(DerivativeRequest.adjoint(elsewhere, LOSS.descriptor(), Set.of(0))).name());
        assertEquals(List.of(), r.takeVariants());
    }

    @Test
    void tangentsAndHessianVectorProductsByTheirConventions() {
        DerivativeRequests r = registry();
        assertEquals("fluxion$tangent4$loss", r.member(DerivativeRequest.tangent(LOSS, LOSS.descriptor(), 4)).name());
        assertEquals("fluxion$tangent$loss", r.member(DerivativeRequest.tangent(LOSS, LOSS.descriptor(), 1)).name());
        assertEquals("fluxion$hvp$loss",
                r.member(DerivativeRequest.hessianVectorProduct(LOSS, LOSS.descriptor(), Set.of(0))).name());
    }

    @Test
    void aDeclaredGradientRunsAnAdjointNamedAfterItsDeclaration() {
        MemberRef declared = new MemberRef(OWNER, "lossWrtWeights", "([D[DD[D)D");
        MemberRef adjoint = registry().declaredGradient(declared, LOSS.descriptor());
        assertEquals(new MemberRef(OWNER, "fluxion$gradient$lossWrtWeights",
                "([D[DD[D[DDLdev/fluxion/internal/Tape;)D"), adjoint);
    }

    @Test
    void aScopeAnswersForTheMembersItsPassGenerated() {
        DerivativeRequests r = registry();
        DerivativeRequests.Scope scope = r.scope();
        MemberRef body = new MemberRef(OWNER, "fluxion$body$f$iteration0", "([DI)D");
        MemberRef part = new MemberRef(OWNER, "fluxion$part$f$0", "([D)V");
        IterationBody adjoint = new IterationBody("fluxion$adjoint$f$iteration0", List.of());
        scope.generated(body, adjoint);
        scope.generated(part, null);
        assertEquals("fluxion$adjoint$f$iteration0", scope.member(DerivativeRequest.adjoint(body, body.descriptor(), Set.of())).name());
        assertSame(adjoint, scope.iterationBody(body));
        assertEquals("fluxion$adjoint$fluxion$part$f$0", scope.member(DerivativeRequest.adjoint(part, part.descriptor(), Set.of())).name());
        assertNull(scope.iterationBody(part));
        assertNull(r.iterationBody(body)); // the enclosing registry does not know the pass's members
        // everything else is the enclosing registry's, variants included
        assertEquals("fluxion$adjoint$loss$1", scope.member(DerivativeRequest.adjoint(LOSS, LOSS.descriptor(), Set.of(1))).name());
        assertTrue(r.takeVariants().stream().anyMatch(v -> v.name().equals("fluxion$adjoint$loss$1")));
    }
}
