// Common first names in the UK (ONS baby-name lists across the years that
// produce today's pupils and adults, plus common names in UK communities).
// Names that are also everyday words or places (Will, Grace, Hope, Rose,
// Summer, Holly, Ruby, Amber, Jade, Mark, Max, Frank, Victoria, Florence,
// Chelsea, Jordan, Georgia…) are left out on purpose: they are caught only by
// context ("my name is …", "Mr …") or an organisation's own terms.
const NAMES = `
Oliver George Harry Noah Jack Leo Arthur Muhammad Mohammed Mohammad Oscar Charlie Jacob Thomas Henry
William James Joshua Alfie Freddie Archie Theo Isaac Teddy Finley Ethan Lucas Joseph Samuel Daniel
Edward Alexander Logan Dylan Riley Tommy Reuben Harrison Sebastian Benjamin Adam Elijah Louie Jaxon
Albert Hugo Ronnie Luca Toby Bobby Kai Ryan Callum Connor Kyle Liam Lewis Nathan Ben Tom Sam Dan Joe
Jamie Luke Aaron Bradley Jake Kieran Kian Jayden Tyler Cameron Declan Owen Rhys Dylan Ellis Zac Zachary
Ibrahim Yusuf Ali Omar Ahmed Hamza Ayaan Zayn Zain Bilal Hassan Usman Amir Imran Kofi Kwame Tariq Arjun
Rohan Dev Aarav Krishna Harvey Michael David John Paul Peter Andrew Stephen Steven Richard Robert Chris
Christopher Matthew Simon Gary Darren Lee Craig Wayne Shaun Sean Kevin Tony Anthony Ian Neil Gavin
Olivia Amelia Isla Ava Mia Lily Isabella Sophia Sophie Isabelle Ella Evie Freya Emily Millie Charlotte
Harper Evelyn Alice Phoebe Matilda Elsie Sienna Layla Maisie Maya Erin Eliza Esme Luna Margot
Aria Emilia Zara Nancy Thea Hannah Jessica Chloe Lauren Megan Bethany Abigail Katie Ellie Leah
Caitlin Courtney Jasmine Paige Shannon Amy Rebecca Rachel Sarah Laura Emma Lucy Natalie Nicola Kelly
Gemma Kirsty Stacey Danielle Samantha Michelle Claire Lisa Julie Karen Tracey Joanne Helen Susan
Amira Aisha Ayesha Fatima Maryam Zainab Khadija Hafsa Safiya Inaya Noor Hiba Sana Priya Anaya Aanya
Simran Jaspreet Amara Ama Chidera Zuzanna Julia Oliwia Maja Hanna Alicia Nadia Kayla Tia Tiana Kiera
Keira Lacey Demi Jodie Chantelle Shanice Aaliyah Imani Abdul Abdullah Mustafa Idris Musa
`;

export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));
