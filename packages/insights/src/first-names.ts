// Common first names in the UK (ONS baby-name lists across the years that
// produce today's pupils and adults, plus common names in UK communities).
// Names that are also everyday words or places (Will, Grace, Hope, Rose,
// Summer, Holly, Ruby, Amber, Jade, Mark, Max, Frank, Victoria, Florence,
// Chelsea, Georgia…) are left out on purpose: they are caught only by
// context ("my name is …", "Mr …") or an organisation's own terms. Jordan is
// in: far more often a young person than the country. Names are listed
// without accents; matching ignores accents and case (see nameKey).
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
Siobhan Aoife Niamh Ciara Saoirse Sinead Roisin Orla Caoimhe Aisling Clodagh Grainne Mairead Deirdre
Bronagh Eimear Sorcha Orlaith Eoin Cian Oisin Ciaran Padraig Seamus Darragh Conor Fionn Rory Ronan
Niall Shane Aidan Brendan Colm Dermot Eamon Eamonn Fergus Cillian Tadhg Donal Eilidh Ailsa Morag
Fiona Catriona Hamish Euan Ewan Calum Lachlan Fraser Gethin Dafydd Rhiannon Cerys Ffion Carys Bethan
Osian Iwan Jordan Mason Jaden Jenson Carter Frankie Kayden Reggie Ollie Stanley Ezra Louis Nathaniel
Elliot Elliott Jackson Harley Brandon Ashley Tyrone Jermaine Marcus Darnell Deshawn Reece Leon
Kacper Jakub Szymon Antoni Wiktoria Zofia Amelie Darcie Darcy Scarlett Lola Bella Rosie Jessie
Kayleigh Tilly Lottie Hollie Lexi Mollie Molly Eva Maria Anna Sara Zoe Macy Kiara Kaylee Shakira
Kemi Tobi Tunde Femi Dami Segun Chinedu Emeka Obinna Ngozi Chioma Adaeze Temi Tolu Kehinde Taiwo
Kiran Gurpreet Harpreet Manpreet Navdeep Rajesh Sunil Ravi Raj Vikram Anjali Deepa Pooja Sunita
Rahul Sahil Aryan Shreya Riya Diya Ishaan Vihaan Amina Hawa Hodan Abdi Abdirahman Mohamed Ahmad
Ayan Hussein Yasmin Mariam Sumaya Sofia Leila Laila Jamal Malik Rashid Khalid Yasir Faisal Nasir
`;

/** A word as looked up in FIRST_NAMES: accents dropped ("Siobhán" → "siobhan"), lower case. */
export function nameKey(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Keys (see nameKey) of common first names. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean).map(nameKey));

// Names that are also everyday words or slang ("jack up", "charlie" for
// cocaine, "a karen"): in lower case these stay unless context says a person
// is meant ("my mate jack"). Capitalised, they are still names.
export const WORDLIKE_NAMES: ReadonlySet<string> = new Set(
  `will grace may rose mark bill art jack hope faith april june summer amber ruby sky rich frank joy dawn lily jasmine sienna
teddy bobby tommy charlie harry john toby peter reuben leo oscar karen aria lee dev ama demi nancy hugo jay carter mason harley
molly ollie stanley`.split(/\s+/)
);
