package dev.fluxion.transformer.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * A method in SSA form: parameters and blocks, the first block being the entry. Blocks are listed
 * in the order the backend lays them out.
 */
public final class IrFunction {
    private final String owner;
    private final String name;
    private final String descriptor;
    private final List<Param> params = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private int nextBlockId;

    public IrFunction(String owner, String name, String descriptor) {
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        Type[] types = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < types.length; i++) {
            params.add(new Param(i, types[i]));
        }
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String descriptor() {
        return descriptor;
    }

    public Type returnType() {
        return Type.getReturnType(descriptor);
    }

    public List<Param> params() {
        return Collections.unmodifiableList(params);
    }

    public List<Block> blocks() {
        return blocks;
    }

    public Block entry() {
        return blocks.get(0);
    }

    public Block newBlock() {
        Block b = new Block(nextBlockId++);
        blocks.add(b);
        return b;
    }

    /** Gives every instruction a number in layout order, for the text form. */
    public void renumber() {
        int next = 0;
        for (Block b : blocks) {
            for (Instruction insn : b.instructions()) {
                insn.id = next++;
            }
        }
    }

    @Override
    public String toString() {
        return IrPrinter.print(this);
    }
}
