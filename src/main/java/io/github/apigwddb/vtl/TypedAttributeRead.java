package io.github.apigwddb.vtl;

/**
 * A read of a DynamoDB attribute through a template variable, {@code $item.price.N} or {@code $root.Item.name.S}: a
 * name followed by an AttributeValue type. Templates commonly {@code #set} the item from {@code $input.path('$.Item')}
 * and read it so; the check then knows which attributes an answer it makes up must hold.
 *
 * @param name the attribute's name
 * @param type its AttributeValue type ({@code S}, {@code N}, {@code BOOL}, ...)
 */
public record TypedAttributeRead(String name, String type) {
}
